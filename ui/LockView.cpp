#include "LockView.h"

#include "Style.h"

#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace tessera::ui {

LockView::LockView(QWidget *parent)
    : QWidget(parent)
    , m_icon(new QLabel(this))
    , m_title(new QLabel(tr("Tessera is locked"), this))
    , m_problem(new QLabel(this))
    , m_unlock(new QPushButton(tr("&Unlock"), this))
{
    setObjectName(QStringLiteral("lockView"));

    m_icon->setObjectName(QStringLiteral("lockIcon"));
    m_icon->setAlignment(Qt::AlignCenter);
    // Its height is kept from the start, so the layout does not move when the icon comes.
    m_icon->setMinimumHeight(96);

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
    layout->addWidget(m_icon);
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
    // Drawn the first time the view shows, not at start-up: decoding the icon's images costs
    // milliseconds that most launches, which never lock, need not pay before the cards.
    if (m_icon->pixmap().isNull())
        m_icon->setPixmap(Style::appIcon().pixmap(QSize(96, 96)));
    m_unlock->setFocus();
}

} // namespace tessera::ui
