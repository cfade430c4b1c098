#pragma once

#include <QPointer>
#include <QWizardPage>

class QLabel;

namespace tessera {
class ApiReply;
class Backend;
} // namespace tessera

namespace tessera::ui {

class AddressForm;

// Where a physical card is mailed: the customer's address on file, which they may change for
// this card. Next shows every problem at its field instead of being greyed out, so the
// customer learns what is wrong.
class ShippingAddressPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit ShippingAddressPage(Backend *backend, QWidget *parent = nullptr);
    ~ShippingAddressPage() override;

    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;

    AddressForm *form() const { return m_form; }

private:
    void loadCustomerAddress();

    Backend *m_backend;
    QLabel *m_note;
    AddressForm *m_form;
    QPointer<ApiReply> m_reply;
    bool m_prefillDone = false;
    bool m_edited = false;
};

} // namespace tessera::ui
