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
