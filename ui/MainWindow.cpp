#include "MainWindow.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QMenuBar>
#include <QStatusBar>
#include <QVBoxLayout>

namespace tessera::ui {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_headline(new QLabel(this))
    , m_details(new QLabel(this))
    , m_statusBadge(new QLabel(this))
{
    setWindowTitle(tr("Tessera"));
    setObjectName(QStringLiteral("mainWindow"));

    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(32, 32, 32, 32);
    m_headline->setObjectName(QStringLiteral("environmentHeadline"));
    QFont headlineFont = m_headline->font();
    headlineFont.setPointSizeF(headlineFont.pointSizeF() * 1.6);
    headlineFont.setBold(true);
    m_headline->setFont(headlineFont);
    m_details->setObjectName(QStringLiteral("environmentDetails"));
    m_details->setWordWrap(true);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_headline);
    layout->addWidget(m_details);
    layout->addStretch();
    setCentralWidget(page);

    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    QAction *quit = fileMenu->addAction(tr("&Quit"), qApp, &QApplication::quit);
    quit->setShortcut(QKeySequence::Quit);

    m_statusBadge->setObjectName(QStringLiteral("environmentBadge"));
    statusBar()->addPermanentWidget(m_statusBadge);
    resize(720, 480);
}

void MainWindow::setEnvironment(const QString &name, const QUrl &baseUrl)
{
    m_headline->setText(tr("%1 environment is running").arg(name));
    m_details->setText(tr("Tessera talks to Unit's API at %1.")
                           .arg(baseUrl.toDisplayString()));
    m_statusBadge->setText(name.toUpper());
}

void MainWindow::setEnvironmentError(const QString &message)
{
    m_headline->setText(tr("The environment could not be started"));
    m_details->setText(message);
    m_statusBadge->setText(tr("OFFLINE"));
}

} // namespace tessera::ui
