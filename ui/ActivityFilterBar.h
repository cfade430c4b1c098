#pragma once

#include "ActivityFilter.h"

#include <QTimer>
#include <QWidget>

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QToolButton;

namespace tessera::ui {

// Search and filters for an activity list: text, a period (or a custom date range), an amount
// range, a type and a direction. Each change gives a new ActivityFilter, which the model sends
// to Unit as query parameters; nothing is filtered here. Typing waits for a pause before it
// asks, so a search is not sent per keystroke; a bad amount is said next to it and keeps what
// was typed.
class ActivityFilterBar : public QWidget
{
    Q_OBJECT
public:
    explicit ActivityFilterBar(QWidget *parent = nullptr);

    ActivityFilter filter() const { return m_filter; }
    // Back to everything (the Clear button); emits filterChanged when that changes the filter.
    void clear();

signals:
    void filterChanged(const tessera::ActivityFilter &filter);

private:
    void rebuild();
    void updatePeriodEditors();

    QLineEdit *m_text;
    QComboBox *m_period;
    QDateEdit *m_from;
    QDateEdit *m_until;
    QLineEdit *m_minAmount;
    QLineEdit *m_maxAmount;
    QComboBox *m_type;
    QComboBox *m_direction;
    QToolButton *m_clear;
    QLabel *m_problem;
    QTimer m_typingPause;
    ActivityFilter m_filter;
};

} // namespace tessera::ui
