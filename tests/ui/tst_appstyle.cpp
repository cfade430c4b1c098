#include "AppStyle.h"
#include "DeferredIconEngine.h"

#include <memory>
#include <QApplication>
#include <QMainWindow>
#include <QMenuBar>
#include <QProxyStyle>
#include <QStyleFactory>
#include <QStyleOption>
#include <QTest>

using namespace tessera::ui;

namespace {

// Fusion, counting the overflow buttons' icons it is asked to make.
class CountingStyle : public QProxyStyle
{
public:
    CountingStyle()
        : QProxyStyle(QStyleFactory::create(QStringLiteral("Fusion")))
    {}

    QIcon standardIcon(StandardPixmap standardIcon, const QStyleOption *option,
                       const QWidget *widget) const override
    {
        if (standardIcon == SP_ToolBarHorizontalExtensionButton ||
            standardIcon == SP_ToolBarVerticalExtensionButton)
            ++extensionIconsMade;
        return QProxyStyle::standardIcon(standardIcon, option, widget);
    }

    mutable int extensionIconsMade = 0;
};

QImage imageOf(const QIcon &icon)
{
    return icon.pixmap(QSize(16, 16)).toImage();
}

} // namespace

// The app's style: the platform's, with the menu bar's overflow icon read only when drawn.
class TestAppStyle : public QObject
{
    Q_OBJECT

private slots:
    void aDeferredIconIsMadeOnceWhenFirstDrawn()
    {
        const std::unique_ptr<QStyle> fusion(QStyleFactory::create(QStringLiteral("Fusion")));
        const QIcon reference = fusion->standardIcon(QStyle::SP_ToolBarHorizontalExtensionButton);
        int made = 0;
        auto *engine = new DeferredIconEngine([&made, reference] {
            ++made;
            return reference;
        });
        const QIcon icon(engine);
        QVERIFY(!icon.isNull());
        const QIcon copy = icon;
        QCOMPARE(made, 0);
        QVERIFY(!engine->isMade());

        QCOMPARE(imageOf(copy), imageOf(reference));
        QCOMPARE(made, 1);
        QCOMPARE(icon.actualSize(QSize(64, 64)), reference.actualSize(QSize(64, 64)));
        QCOMPARE(imageOf(icon), imageOf(reference));
        QCOMPARE(made, 1);
    }

    void theOverflowIconsLookAsTheBaseStylesDo_data()
    {
        QTest::addColumn<int>("standardIcon");
        QTest::addColumn<Qt::LayoutDirection>("direction");
        QTest::newRow("horizontal")
            << int(QStyle::SP_ToolBarHorizontalExtensionButton) << Qt::LeftToRight;
        QTest::newRow("horizontal, right to left")
            << int(QStyle::SP_ToolBarHorizontalExtensionButton) << Qt::RightToLeft;
        QTest::newRow("vertical") << int(QStyle::SP_ToolBarVerticalExtensionButton)
                                  << Qt::LeftToRight;
        QTest::newRow("another icon, passed through")
            << int(QStyle::SP_DialogOkButton) << Qt::LeftToRight;
    }

    void theOverflowIconsLookAsTheBaseStylesDo()
    {
        QFETCH(int, standardIcon);
        QFETCH(Qt::LayoutDirection, direction);
        const auto which = QStyle::StandardPixmap(standardIcon);
        QStyleOption option;
        option.direction = direction;
        std::unique_ptr<QStyle> fusion(QStyleFactory::create(QStringLiteral("Fusion")));
        AppStyle style(QStyleFactory::create(QStringLiteral("Fusion")));
        const QImage expected = imageOf(fusion->standardIcon(which, &option));
        QVERIFY(!expected.isNull());
        QCOMPARE(imageOf(style.standardIcon(which, &option)), expected);
    }

    // QMenuBar asks for its overflow button's icon as it is made; the image is read only once
    // the menus do not fit and the button shows.
    void aMenuBarReadsItsOverflowIconOnlyWhenTheButtonShows()
    {
        auto *counting = new CountingStyle;
        QApplication::setStyle(new AppStyle(counting));
        QMainWindow window;
        for (const char *title : {"&File", "&Edit", "&View", "&Help"})
            window.menuBar()->addMenu(QString::fromLatin1(title));
        window.resize(600, 300);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTest::qWait(50);
        QCOMPARE(counting->extensionIconsMade, 0);

        window.resize(60, 300); // the menus no longer fit
        QTRY_COMPARE(counting->extensionIconsMade, 1);
    }
};

QTEST_MAIN(TestAppStyle)
#include "tst_appstyle.moc"
