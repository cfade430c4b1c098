<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AddressRules</name>
    <message numerus="yes">
        <source>Must be at most %n characters.</source>
        <translation>
            <numerusform>Must be at most %n character.</numerusform>
            <numerusform>Must be at most %n characters.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UserFacingError</name>
    <message numerus="yes">
        <source>Too many attempts. Try again in %n minute(s).</source>
        <translation>
            <numerusform>Too many attempts. Try again in %n minute.</numerusform>
            <numerusform>Too many attempts. Try again in %n minutes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n attempt(s) left.</source>
        <translation>
            <numerusform>%n attempt left.</numerusform>
            <numerusform>%n attempts left.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tessera::ui::ActivityPage</name>
    <message numerus="yes">
        <source>%n transaction(s)</source>
        <translation>
            <numerusform>%n transaction</numerusform>
            <numerusform>%n transactions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n row(s) to %1.</source>
        <translation>
            <numerusform>Exported %n row to %1.</numerusform>
            <numerusform>Exported %n rows to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tessera::ui::CardsPage</name>
    <message numerus="yes">
        <source>%1 of %Ln card(s)</source>
        <translation>
            <numerusform>%1 of %Ln card</numerusform>
            <numerusform>%1 of %Ln cards</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln card(s)</source>
        <translation>
            <numerusform>%Ln card</numerusform>
            <numerusform>%Ln cards</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln+ cards</source>
        <translation>
            <numerusform>%Ln+ cards</numerusform>
            <numerusform>%Ln+ cards</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln card(s) could not be shown.</source>
        <translation>
            <numerusform>%Ln card could not be shown.</numerusform>
            <numerusform>%Ln cards could not be shown.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tessera::ui::MainWindow</name>
    <message numerus="yes">
        <source>Your session ends in %n minute(s).</source>
        <translation>
            <numerusform>Your session ends in %n minute.</numerusform>
            <numerusform>Your session ends in %n minutes.</numerusform>
        </translation>
    </message>
</context>
</TS>
