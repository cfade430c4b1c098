#include "LockView.h"

#include "Style.h"

#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace tessera::ui {

LockView::LockView(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(tr("Tessera is locked"), this))
    , m_problem(new QLabel(this))
    , m_unlock(new QPushButton(tr("&Unlock"), this))
{
    setObjectName(QStringLiteral("lockView"));

    auto *icon = new QLabel(this);
    icon->setObjectName(QStringLiteral("lockIcon"));
    icon->setPixmap(Style::appIcon().pixmap(QSize(96, 96)));
    icon->setAlignment(Qt::AlignCenter);

    m_title->setObjectName(QStringLiteral("lockTitle"));
    m_title->setAlignment(Qt::AlignCenter);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.6);
    titleFont.setBold(true);
    m_title->setFont(titleFont);

    m_unlock->setObjectName(QStringLiteral("unlockButton"));
    m_unlock->setAutoDefault(true);
    m_unlock->setAccessibleDescription(tr("Asks for a code sent to your phone"));
    m_unlock->setMinimumWidth(160);
    connect(m_unlock, &QPushButton::clicked, this, [this] {
        m_problem->hide();
        emit unlockRequested();
    });

    m_problem->setObjectName(QStringLiteral("lockProblem"));
    m_problem->setAlignment(Qt::AlignCenter);
    m_problem->setWordWrap(true);
    m_problem->setTextInteractionFlags(Qt::TextSelectableByMouse);
    Style::markAsError(m_problem);
    m_problem->hide();

    auto *layout = new QVBoxLayout(this);
    layout->addStretch(2);
    layout->addWidget(icon);
    layout->addSpacing(12);
    layout->addWidget(m_title);
    layout->addSpacing(16);
    layout->addWidget(m_unlock, 0, Qt::AlignHCenter);
    layout->addSpacing(8);
    layout->addWidget(m_problem);
    layout->addStretch(3);
}

void LockView::showProblem(const QString &message)
{
    m_problem->setText(message);
    m_problem->show();
}

// Enter unlocks: the button has the focus whenever the view shows.
void LockView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    m_unlock->setFocus();
}

} // namespace tessera::ui
