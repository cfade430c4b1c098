#pragma once

#include <QLabel>

namespace tessera::ui {

// A one-line label that may be narrower than its text: it ends the text with "…" instead of
// asking its layout for the whole width, so a long name never widens the window. The full text
// stays its accessible text and shows as a tooltip when cut.
class ElidedLabel : public QLabel
{
    Q_OBJECT
public:
    using QLabel::QLabel;

    QSize minimumSizeHint() const override;
    // Whether the text is cut at the current width.
    bool isElided() const;

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;
};

} // namespace tessera::ui
