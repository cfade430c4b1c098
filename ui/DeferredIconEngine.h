#pragma once

#include <functional>
#include <QIcon>
#include <QIconEngine>

namespace tessera::ui {

// An icon made the first time it is drawn or measured, not when it is set. For icons Qt sets
// on widgets that are seldom shown (a menu bar's overflow button): making them reads their
// images at once, and the first image read in the process loads every image format plugin.
class DeferredIconEngine : public QIconEngine
{
public:
    explicit DeferredIconEngine(std::function<QIcon()> make);

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state) override;
    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override;
    QSize actualSize(const QSize &size, QIcon::Mode mode, QIcon::State state) override;
    QList<QSize> availableSizes(QIcon::Mode mode, QIcon::State state) override;
    QString iconName() override;
    // Not null, without making it: whether there is an icon is known before it is read.
    bool isNull() override { return false; }
    QString key() const override;
    QIconEngine *clone() const override;

    // Whether the icon has been made (for tests).
    bool isMade() const { return m_made; }

private:
    const QIcon &icon();

    std::function<QIcon()> m_make;
    QIcon m_icon;
    bool m_made = false;
};

} // namespace tessera::ui
