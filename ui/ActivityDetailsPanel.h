#pragma once

#include "ActivityEntry.h"

#include <QWidget>

class QFormLayout;
class QLabel;

namespace tessera::ui {

// Everything Unit says about the selected row of activity: who, how much, when, its status
// (a declined payment's reason in plain words), the card, the merchant's category and place,
// the balance after it and Unit's id for support.
class ActivityDetailsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ActivityDetailsPanel(QWidget *parent = nullptr);

    void showEntry(const ActivityEntry &entry);
    void clear();

private:
    void addRow(const QString &label, const QString &value, const char *objectName);

    QLabel *m_title;
    QLabel *m_amount;
    QLabel *m_placeholder;
    QWidget *m_body;
    QFormLayout *m_form;
};

} // namespace tessera::ui
