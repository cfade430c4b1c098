#pragma once

#include "Address.h"
#include "AddressRules.h"

#include <optional>
#include <QHash>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;

namespace tessera::ui {

// A US postal address, checked field by field with AddressRules so that every problem shows
// under the field it belongs to: when the customer leaves the field, when validate() is called
// and when the server rejects a field. Cards only ship inside the US, so the country is shown
// but cannot be changed.
class AddressForm : public QWidget
{
    Q_OBJECT
public:
    explicit AddressForm(QWidget *parent = nullptr);

    void setAddress(const Address &address);
    // Trimmed, with the country always "US".
    Address address() const;
    // True when AddressRules finds nothing wrong; shows nothing.
    bool isComplete() const;
    // Shows every problem at its field, focuses the first one and returns whether none.
    bool validate();
    // field is an Address member name ("postalCode"); an unknown one shows above the fields.
    void showServerError(const QString &field, const QString &message);
    // Every problem the server named (AddressRules::problemsIn()) at its field, all at once;
    // the first one's field gets the focus.
    void showServerProblems(const QList<AddressRules::Problem> &problems);
    void clearErrors();

    // AddressText::display(), for the widgets that show an address.
    static QString displayText(const Address &address);

signals:
    void changed();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QLineEdit *addLineField(const QString &field, const QString &label,
                            const QString &accessibleName, int row);
    void addRow(const QString &field, QLabel *label, QWidget *input, int row);
    void validateField(const QString &field);
    void showFieldError(const QString &field, const QString &message);
    void clearFieldError(const QString &field);
    void onEdited(const QString &field);

    QLabel *m_formError;
    QLineEdit *m_street = nullptr;
    QLineEdit *m_street2 = nullptr;
    QLineEdit *m_city = nullptr;
    QComboBox *m_state = nullptr;
    QLineEdit *m_postalCode = nullptr;
    QHash<QString, QWidget *> m_inputs;
    QHash<QString, QLabel *> m_errors;
    bool m_settingAddress = false;
};

} // namespace tessera::ui
