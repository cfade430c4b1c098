<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>ActivityEntry</name>
    <message>
        <source>Card purchase</source>
        <translation>Compra con tarjeta</translation>
    </message>
    <message>
        <source>ATM deposit</source>
        <translation>Ingreso en cajero</translation>
    </message>
    <message>
        <source>ATM withdrawal</source>
        <translation>Retirada en cajero</translation>
    </message>
    <message>
        <source>Card payment</source>
        <translation>Pago con tarjeta</translation>
    </message>
    <message>
        <source>Card refund</source>
        <translation>Devolución a la tarjeta</translation>
    </message>
    <message>
        <source>Deposit (ACH)</source>
        <translation>Ingreso (ACH)</translation>
    </message>
    <message>
        <source>Withdrawal (ACH)</source>
        <translation>Cargo (ACH)</translation>
    </message>
    <message>
        <source>Payment (ACH)</source>
        <translation>Pago (ACH)</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>Transferencia</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>Comisión</translation>
    </message>
    <message>
        <source>Fee refund</source>
        <translation>Devolución de comisión</translation>
    </message>
    <message>
        <source>Interest</source>
        <translation>Intereses</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Otro</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Pendiente</translation>
    </message>
    <message>
        <source>Canceled</source>
        <translation>Cancelado</translation>
    </message>
    <message>
        <source>Declined: not enough money</source>
        <translation>Rechazado: saldo insuficiente</translation>
    </message>
    <message>
        <source>Declined: the account is closed</source>
        <translation>Rechazado: la cuenta está cerrada</translation>
    </message>
    <message>
        <source>Declined: over the card&apos;s spending limit</source>
        <translation>Rechazado: supera el límite de gasto de la tarjeta</translation>
    </message>
    <message>
        <source>Declined by the bank</source>
        <translation>Rechazado por el banco</translation>
    </message>
    <message>
        <source>Declined: the merchant was not accepted</source>
        <translation>Rechazado: el comercio no se aceptó</translation>
    </message>
    <message>
        <source>Declined: the card cannot be used for this</source>
        <translation>Rechazado: la tarjeta no se puede usar para esto</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>Rechazado</translation>
    </message>
</context>
<context>
    <name>AddressRules</name>
    <message numerus="yes">
        <source>Must be at most %n characters.</source>
        <translation>
            <numerusform>Debe tener como máximo %n carácter.</numerusform>
            <numerusform>Debe tener como máximo %n caracteres.</numerusform>
        </translation>
    </message>
    <message>
        <source>Must not contain control characters.</source>
        <translation>No debe contener caracteres de control.</translation>
    </message>
    <message>
        <source>Enter the street address.</source>
        <translation>Escribe la calle y el número.</translation>
    </message>
    <message>
        <source>Enter the city.</source>
        <translation>Escribe la ciudad.</translation>
    </message>
    <message>
        <source>Cards can only be shipped to the US.</source>
        <translation>Las tarjetas solo se pueden enviar a EE. UU.</translation>
    </message>
    <message>
        <source>Choose a state.</source>
        <translation>Elige un estado.</translation>
    </message>
    <message>
        <source>Use a two-letter US state code.</source>
        <translation>Usa un código de estado de EE. UU. de dos letras.</translation>
    </message>
    <message>
        <source>Enter the ZIP code.</source>
        <translation>Escribe el código postal.</translation>
    </message>
    <message>
        <source>Use a 5-digit ZIP code, optionally followed by -1234.</source>
        <translation>Usa un código postal de 5 dígitos, opcionalmente seguido de -1234.</translation>
    </message>
</context>
<context>
    <name>AddressText</name>
    <message>
        <source>%1, %2 %3</source>
        <translation>%1, %2 %3</translation>
    </message>
    <message>
        <source>United States</source>
        <translation>Estados Unidos</translation>
    </message>
</context>
<context>
    <name>ApiError</name>
    <message>
        <source>The server&apos;s reply could not be read.</source>
        <translation>No se pudo leer la respuesta del servidor.</translation>
    </message>
    <message>
        <source>The server answered with status %1.</source>
        <translation>El servidor respondió con el estado %1.</translation>
    </message>
    <message>
        <source>The server could not be reached.</source>
        <translation>No se pudo conectar con el servidor.</translation>
    </message>
    <message>
        <source>The server did not answer in time.</source>
        <translation>El servidor no respondió a tiempo.</translation>
    </message>
    <message>
        <source>The request was cancelled.</source>
        <translation>Se canceló la solicitud.</translation>
    </message>
    <message>
        <source>The input is not valid.</source>
        <translation>Los datos no son válidos.</translation>
    </message>
    <message>
        <source>The server&apos;s reply could not be read (%1).</source>
        <translation>No se pudo leer la respuesta del servidor (%1).</translation>
    </message>
    <message>
        <source>You need to confirm who you are first.</source>
        <translation>Primero tienes que confirmar que eres tú.</translation>
    </message>
    <message>
        <source>The server sent Tessera to another address; Tessera does not follow redirects for your safety.</source>
        <translation>El servidor envió a Tessera a otra dirección; por su seguridad, Tessera no sigue redirecciones.</translation>
    </message>
    <message>
        <source>The connection dropped before the bank answered; it may or may not have been done.</source>
        <translation>La conexión se cortó antes de que el banco respondiera; puede que se haya hecho o no.</translation>
    </message>
    <message>
        <source>The bank is receiving too many requests right now. Wait a minute and try again.</source>
        <translation>El banco está recibiendo demasiadas solicitudes ahora mismo. Espera un minuto y vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>The bank did not accept your sign-in for this. Sign in again and try once more.</source>
        <translation>El banco no aceptó tu inicio de sesión para esto. Vuelve a iniciar sesión e inténtalo otra vez.</translation>
    </message>
</context>
<context>
    <name>Authenticator</name>
    <message>
        <source>Your sign-in will work until you quit but will not be remembered.</source>
        <translation>Tu sesión funcionará hasta que salgas de la aplicación, pero no se recordará.</translation>
    </message>
    <message>
        <source>The code could not be sent: %1</source>
        <translation>No se pudo enviar el código: %1</translation>
    </message>
    <message>
        <source>Your sign-in has ended. Sign in again to go on.</source>
        <translation>Tu sesión ha terminado. Vuelve a iniciar sesión para continuar.</translation>
    </message>
</context>
<context>
    <name>CustomerTokenService</name>
    <message>
        <source>Enter the 6-digit code.</source>
        <translation>Escribe el código de 6 dígitos.</translation>
    </message>
    <message>
        <source>Request a code first.</source>
        <translation>Primero solicita un código.</translation>
    </message>
    <message>
        <source>This is not a JWT (three parts separated by dots).</source>
        <translation>Esto no es un JWT (tres partes separadas por puntos).</translation>
    </message>
</context>
<context>
    <name>Environment</name>
    <message>
        <source>Demo</source>
        <translation>Demostración</translation>
    </message>
    <message>
        <source>Unit sandbox</source>
        <translation>Sandbox de Unit</translation>
    </message>
    <message>
        <source>Production</source>
        <translation>Producción</translation>
    </message>
    <message>
        <source>Custom (%1)</source>
        <translation>Personalizado (%1)</translation>
    </message>
    <message>
        <source>DEMO</source>
        <translation>DEMO</translation>
    </message>
    <message>
        <source>SANDBOX</source>
        <translation>SANDBOX</translation>
    </message>
    <message>
        <source>LIVE</source>
        <translation>REAL</translation>
    </message>
    <message>
        <source>CUSTOM</source>
        <translation>PERSONALIZADO</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid address.</source>
        <translation>&quot;%1&quot; no es una dirección válida.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must use https:// (plain http is allowed only on this computer).</source>
        <translation>&quot;%1&quot; debe usar https:// (http sin cifrar solo se permite en este equipo).</translation>
    </message>
    <message>
        <source>This environment needs a token broker address.</source>
        <translation>Este entorno necesita la dirección de un servidor de tokens.</translation>
    </message>
</context>
<context>
    <name>JwtVerifier</name>
    <message>
        <source>Your bank&apos;s sign-in was checked.</source>
        <translation>Se comprobó el inicio de sesión de tu banco.</translation>
    </message>
    <message>
        <source>Your bank&apos;s sign-in could not be checked: its answer could not be read.</source>
        <translation>No se pudo comprobar el inicio de sesión de tu banco: no se pudo leer su respuesta.</translation>
    </message>
    <message>
        <source>Your bank&apos;s sign-in could not be checked: it was not signed in a way Tessera accepts.</source>
        <translation>No se pudo comprobar el inicio de sesión de tu banco: no está firmado de una forma que Tessera acepte.</translation>
    </message>
    <message>
        <source>Your bank&apos;s sign-in could not be checked: it was signed with a key your bank does not publish.</source>
        <translation>No se pudo comprobar el inicio de sesión de tu banco: está firmado con una clave que tu banco no publica.</translation>
    </message>
    <message>
        <source>Your bank&apos;s sign-in could not be checked: its signature does not match.</source>
        <translation>No se pudo comprobar el inicio de sesión de tu banco: su firma no coincide.</translation>
    </message>
    <message>
        <source>Your bank&apos;s sign-in could not be checked: it came from another sign-in service.</source>
        <translation>No se pudo comprobar el inicio de sesión de tu banco: viene de otro servicio de inicio de sesión.</translation>
    </message>
    <message>
        <source>Your bank&apos;s sign-in could not be checked: it was meant for another app.</source>
        <translation>No se pudo comprobar el inicio de sesión de tu banco: era para otra aplicación.</translation>
    </message>
    <message>
        <source>Your bank&apos;s sign-in has expired. Sign in again, and check that this computer&apos;s clock is right.</source>
        <translation>El inicio de sesión de tu banco ha caducado. Vuelve a iniciar sesión y comprueba que el reloj de este ordenador esté en hora.</translation>
    </message>
    <message>
        <source>Your bank&apos;s sign-in is not valid yet. Check that this computer&apos;s clock is right.</source>
        <translation>El inicio de sesión de tu banco todavía no es válido. Comprueba que el reloj de este ordenador esté en hora.</translation>
    </message>
    <message>
        <source>Your bank&apos;s sign-in does not belong to this sign-in attempt. Sign in again.</source>
        <translation>El inicio de sesión de tu banco no corresponde a este intento. Vuelve a iniciar sesión.</translation>
    </message>
    <message>
        <source>Your bank&apos;s sign-in could not be checked: it does not say who you are.</source>
        <translation>No se pudo comprobar el inicio de sesión de tu banco: no dice quién eres.</translation>
    </message>
    <message>
        <source>Your bank&apos;s sign-in could not be checked.</source>
        <translation>No se pudo comprobar el inicio de sesión de tu banco.</translation>
    </message>
</context>
<context>
    <name>Provisioning</name>
    <message>
        <source>Contact your bank&apos;s support; Tessera cannot sign you in until this is fixed.</source>
        <translation>Contacta con el soporte de tu banco; Tessera no puede iniciar tu sesión hasta que se solucione.</translation>
    </message>
    <message>
        <source>Your bank&apos;s setup of Tessera (%1) cannot be read.</source>
        <translation>No se puede leer la configuración de Tessera de tu banco (%1).</translation>
    </message>
    <message>
        <source>Your bank&apos;s setup of Tessera (%1) is incomplete or damaged: it does not say where to sign in.</source>
        <translation>La configuración de Tessera de tu banco (%1) está incompleta o dañada: no indica dónde iniciar sesión.</translation>
    </message>
    <message>
        <source>Your bank&apos;s setup of Tessera (%1) names a sign-in address that is not safe to use: %2</source>
        <translation>La configuración de Tessera de tu banco (%1) indica una dirección de inicio de sesión que no es segura: %2</translation>
    </message>
    <message>
        <source>Your bank&apos;s setup of Tessera (%1) names a banking address that is not safe to use: %2</source>
        <translation>La configuración de Tessera de tu banco (%1) indica una dirección bancaria que no es segura: %2</translation>
    </message>
    <message>
        <source>Your bank&apos;s setup of Tessera (%1) names a sign-in service that cannot be used: %2</source>
        <translation>La configuración de Tessera de tu banco (%1) indica un servicio de inicio de sesión que no se puede usar: %2</translation>
    </message>
    <message>
        <source>it does not say where to sign in.</source>
        <translation>no indica dónde iniciar sesión.</translation>
    </message>
    <message>
        <source>it does not name Tessera&apos;s registration there.</source>
        <translation>no indica el registro de Tessera en ese servicio.</translation>
    </message>
</context>
<context>
    <name>SignInIdentifier</name>
    <message>
        <source>Enter the phone number or email address of your account.</source>
        <translation>Escribe el número de teléfono o el correo electrónico de tu cuenta.</translation>
    </message>
    <message>
        <source>This is not a complete email address. Check it and try again.</source>
        <translation>Esta no es una dirección de correo completa. Revísala y vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>This is not a phone number Tessera knows. Enter ten digits, like (555) 555-0100, or a number with its country code, like +44 20 7946 0000.</source>
        <translation>Tessera no reconoce este número de teléfono. Escribe diez dígitos, como (555) 555-0100, o un número con su prefijo de país, como +44 20 7946 0000.</translation>
    </message>
</context>
<context>
    <name>TokenStore</name>
    <message>
        <source>No keychain service is available on this desktop.</source>
        <translation>No hay ningún servicio de llavero disponible en este escritorio.</translation>
    </message>
    <message>
        <source>Access to the keychain was denied or the keychain is locked.</source>
        <translation>Se denegó el acceso al llavero o el llavero está bloqueado.</translation>
    </message>
    <message>
        <source>The keychain did not answer in time.</source>
        <translation>El llavero no respondió a tiempo.</translation>
    </message>
    <message>
        <source>The keychain reported an error.</source>
        <translation>El llavero informó de un error.</translation>
    </message>
</context>
<context>
    <name>UserFacingError</name>
    <message>
        <source>The bank could not be reached. Check your internet connection and try again.</source>
        <translation>No se pudo conectar con el banco. Revisa tu conexión a internet y vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>The bank did not answer in time. Try again in a moment.</source>
        <translation>El banco no respondió a tiempo. Vuelve a intentarlo en un momento.</translation>
    </message>
    <message>
        <source>The bank&apos;s answer could not be read. Try again later.</source>
        <translation>No se pudo leer la respuesta del banco. Vuelve a intentarlo más tarde.</translation>
    </message>
    <message>
        <source>The request was cancelled.</source>
        <translation>Se canceló la solicitud.</translation>
    </message>
    <message>
        <source>Tessera could not send this request. Check the details and try again.</source>
        <translation>Tessera no pudo enviar esta solicitud. Revisa los datos y vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>You need to confirm who you are first.</source>
        <translation>Primero tienes que confirmar que eres tú.</translation>
    </message>
    <message>
        <source>The bank did not accept this request. Check the details and try again.</source>
        <translation>El banco no aceptó esta solicitud. Revisa los datos y vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>The bank refused this in the card&apos;s current state. Refresh to see its latest status.</source>
        <translation>El banco lo rechazó por el estado actual de la tarjeta. Actualiza para ver su estado más reciente.</translation>
    </message>
    <message>
        <source>The bank could not find this. Refresh to see what is there now.</source>
        <translation>El banco no lo encontró. Actualiza para ver lo que hay ahora.</translation>
    </message>
    <message>
        <source>This clashes with a change made elsewhere. Refresh and try again.</source>
        <translation>Esto choca con un cambio hecho en otro lugar. Actualiza y vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>The bank had a problem handling this. Try again later.</source>
        <translation>El banco tuvo un problema al procesarlo. Vuelve a intentarlo más tarde.</translation>
    </message>
    <message>
        <source>The request could not be completed.</source>
        <translation>No se pudo completar la solicitud.</translation>
    </message>
    <message>
        <source>That code is not right. Check it and try again.</source>
        <translation>Ese código no es correcto. Revísalo y vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>This code can no longer be used. Ask for a new code.</source>
        <translation>Este código ya no se puede usar. Pide un código nuevo.</translation>
    </message>
    <message>
        <source>Your bank&apos;s sign-in was not accepted. Sign in with your bank again.</source>
        <translation>No se aceptó el inicio de sesión de tu banco. Vuelve a iniciar sesión con tu banco.</translation>
    </message>
    <message>
        <source>Your bank&apos;s sign-in service cannot be reached. Check your internet connection and try again.</source>
        <translation>No se puede conectar con el servicio de inicio de sesión de tu banco. Revisa tu conexión a internet y vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>Your bank&apos;s sign-in service is not working as it should right now. Try again in a few minutes.</source>
        <translation>El servicio de inicio de sesión de tu banco no funciona bien en este momento. Vuelve a intentarlo en unos minutos.</translation>
    </message>
    <message>
        <source>Too many attempts. Try again later.</source>
        <translation>Demasiados intentos. Vuelve a intentarlo más tarde.</translation>
    </message>
    <message numerus="yes">
        <source>Too many attempts. Try again in %n minute(s).</source>
        <translation>
            <numerusform>Demasiados intentos. Vuelve a intentarlo en %n minuto.</numerusform>
            <numerusform>Demasiados intentos. Vuelve a intentarlo en %n minutos.</numerusform>
        </translation>
    </message>
    <message>
        <source>This sign-in has ended. Ask for a new code.</source>
        <translation>Este inicio de sesión ha terminado. Pide un código nuevo.</translation>
    </message>
    <message>
        <source>Your bank did not accept this sign-in. Sign in again.</source>
        <translation>Tu banco no aceptó este inicio de sesión. Vuelve a iniciar sesión.</translation>
    </message>
    <message numerus="yes">
        <source>%n attempt(s) left.</source>
        <translation>
            <numerusform>Queda %n intento.</numerusform>
            <numerusform>Quedan %n intentos.</numerusform>
        </translation>
    </message>
    <message>
        <source>Check the phone number or email address and try again.</source>
        <translation>Revisa el número de teléfono o el correo electrónico y vuelve a intentarlo.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Tessera</source>
        <translation>Tessera</translation>
    </message>
    <message>
        <source>Environment for this run: demo, unit-sandbox, production or custom (default: the saved one).</source>
        <translation>Entorno para esta ejecución: demo, unit-sandbox, production o custom (de forma predeterminada, el guardado).</translation>
    </message>
    <message>
        <source>name</source>
        <translation>nombre</translation>
    </message>
    <message>
        <source>Port of the demo sandbox on 127.0.0.1 (0: any free port).</source>
        <translation>Puerto del servidor de demostración en 127.0.0.1 (0: cualquier puerto libre).</translation>
    </message>
    <message>
        <source>port</source>
        <translation>puerto</translation>
    </message>
    <message>
        <source>Desktop banking client for Unit&apos;s customer API.</source>
        <translation>Cliente bancario de escritorio para la API de clientes de Unit.</translation>
    </message>
    <message>
        <source>The demo server could not listen on port %1 of this computer. Choose another with --sandbox-port.</source>
        <translation>El servidor de demostración no pudo escuchar en el puerto %1 de este equipo. Elige otro con --sandbox-port.</translation>
    </message>
    <message>
        <source>%1 cannot be used: %2 Tessera starts the demo instead.</source>
        <translation>No se puede usar %1: %2 Tessera inicia la demostración en su lugar.</translation>
    </message>
    <message>
        <source>The demo server could not start.</source>
        <translation>No se pudo iniciar el servidor de demostración.</translation>
    </message>
    <message>
        <source>Support only: also offer signing in with a pasted identity token (JWT).</source>
        <translation>Solo para soporte: ofrecer también el inicio de sesión con un token de identidad pegado (JWT).</translation>
    </message>
</context>
<context>
    <name>tessera::AccountsModel</name>
    <message>
        <source>%1 ····%2</source>
        <comment>account name, last four digits of its number</comment>
        <translation>%1 ····%2</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abierta</translation>
    </message>
    <message>
        <source>Frozen</source>
        <translation>Congelada</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Cerrada</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Desconocido</translation>
    </message>
</context>
<context>
    <name>tessera::ActivityExport</name>
    <message>
        <source>The file could not be saved there. Choose another folder or file name and try again.</source>
        <translation>No se pudo guardar el archivo ahí. Elige otra carpeta u otro nombre y vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>The file could not be written. Check that there is space on the disk and try again.</source>
        <translation>No se pudo escribir el archivo. Comprueba que hay espacio en el disco y vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>The file could not be saved. Check that there is space on the disk and try again.</source>
        <translation>No se pudo guardar el archivo. Comprueba que hay espacio en el disco y vuelve a intentarlo.</translation>
    </message>
</context>
<context>
    <name>tessera::Backend</name>
    <message>
        <source>No org token for Unit&apos;s sandbox is saved.</source>
        <translation>No hay ningún token de organización guardado para el sandbox de Unit.</translation>
    </message>
    <message>
        <source>Open File › Settings to enter one.</source>
        <translation>Abre Archivo › Configuración para escribir uno.</translation>
    </message>
</context>
<context>
    <name>tessera::CardActions</name>
    <message>
        <source>The connection dropped before the bank answered, and the card shows no change: it was not done. You can try again.</source>
        <translation>La conexión se cortó antes de que el banco respondiera y la tarjeta no muestra ningún cambio: no se hizo. Puedes volver a intentarlo.</translation>
    </message>
</context>
<context>
    <name>tessera::CardReplacement</name>
    <message>
        <source>The connection dropped before the bank answered, and no new card exists: the card was not replaced. You can try again.</source>
        <translation>La conexión se cortó antes de que el banco respondiera y no existe ninguna tarjeta nueva: la tarjeta no se reemplazó. Puedes volver a intentarlo.</translation>
    </message>
</context>
<context>
    <name>tessera::CardsModel</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Physical debit card</source>
        <translation>Tarjeta de débito física</translation>
    </message>
    <message>
        <source>Virtual debit card</source>
        <translation>Tarjeta de débito virtual</translation>
    </message>
    <message>
        <source>Physical credit card</source>
        <translation>Tarjeta de crédito física</translation>
    </message>
    <message>
        <source>Virtual credit card</source>
        <translation>Tarjeta de crédito virtual</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Tarjeta</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Activa</translation>
    </message>
    <message>
        <source>Not activated</source>
        <translation>Sin activar</translation>
    </message>
    <message>
        <source>Reported stolen</source>
        <translation>Reportada como robada</translation>
    </message>
    <message>
        <source>Reported lost</source>
        <translation>Reportada como perdida</translation>
    </message>
    <message>
        <source>Frozen</source>
        <translation>Congelada</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Cerrada</translation>
    </message>
    <message>
        <source>Suspected fraud</source>
        <translation>Posible fraude</translation>
    </message>
    <message>
        <source>Active online</source>
        <translation>Activa en línea</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Desconocido</translation>
    </message>
    <message>
        <source>%1 ending in %2, %3, expires %4</source>
        <translation>%1 terminada en %2, %3, vence %4</translation>
    </message>
    <message>
        <source>%1 •••• %2</source>
        <translation>%1 •••• %2</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Vencida</translation>
    </message>
    <message>
        <source>Active · expires soon</source>
        <translation>Activa · vence pronto</translation>
    </message>
</context>
<context>
    <name>tessera::CustomerListModel</name>
    <message>
        <source>%1
Code goes to %2</source>
        <translation>%1
El código se envía al %2</translation>
    </message>
    <message>
        <source>%1, phone ending in %2</source>
        <translation>%1, teléfono terminado en %2</translation>
    </message>
    <message>
        <source>%1 — code to %2, phone ending in %3</source>
        <translation>%1 — código para %2, teléfono terminado en %3</translation>
    </message>
</context>
<context>
    <name>tessera::OidcSignIn</name>
    <message>
        <source>Your bank did not answer. Check your connection and try again.</source>
        <translation>Tu banco no respondió. Comprueba tu conexión y vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>The sign-in took too long. Try again.</source>
        <translation>El inicio de sesión tardó demasiado. Vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>Signing in with your bank is not set up correctly on this computer. Contact your bank.</source>
        <translation>El inicio de sesión con tu banco no está bien configurado en este ordenador. Ponte en contacto con tu banco.</translation>
    </message>
    <message>
        <source>Tessera cannot check your bank&apos;s sign-in on this computer: a part it needs (OpenSSL 3) is missing. Reinstall Tessera or contact your bank.</source>
        <translation>Tessera no puede comprobar el inicio de sesión de tu banco en este ordenador: falta una pieza que necesita (OpenSSL 3). Vuelve a instalar Tessera o ponte en contacto con tu banco.</translation>
    </message>
    <message>
        <source>Tessera could not get ready to receive your bank&apos;s answer. Try again.</source>
        <translation>Tessera no pudo prepararse para recibir la respuesta de tu banco. Vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>Tessera received your bank&apos;s answer. You can close this page and go back to Tessera.</source>
        <translation>Tessera recibió la respuesta de tu banco. Puedes cerrar esta página y volver a Tessera.</translation>
    </message>
    <message>
        <source>Tessera received an answer that was not for this sign-in, and ignored it. Try again.</source>
        <translation>Tessera recibió una respuesta que no era para este inicio de sesión y la ignoró. Vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>You did not allow Tessera to sign you in.</source>
        <translation>No permitiste que Tessera iniciara tu sesión.</translation>
    </message>
    <message>
        <source>Your bank did not let you sign in. Try again, or contact your bank if it keeps happening.</source>
        <translation>Tu banco no te dejó iniciar sesión. Vuelve a intentarlo o ponte en contacto con tu banco si sigue ocurriendo.</translation>
    </message>
</context>
<context>
    <name>tessera::PurchaseSimulation</name>
    <message>
        <source>The card payment was declined.</source>
        <translation>El pago con tarjeta fue rechazado.</translation>
    </message>
</context>
<context>
    <name>tessera::StatementDownload</name>
    <message>
        <source>The statement could not be saved there. Choose another folder or file name and try again.</source>
        <translation>No se pudo guardar el extracto ahí. Elige otra carpeta u otro nombre y vuelve a intentarlo.</translation>
    </message>
</context>
<context>
    <name>tessera::StatementsModel</name>
    <message>
        <source>%1 %2</source>
        <comment>statement period: month name, year</comment>
        <translation>%1 %2</translation>
    </message>
</context>
<context>
    <name>tessera::ui::AccountDelegate</name>
    <message>
        <source>available · balance %1 · on hold %2</source>
        <translation>disponible · saldo %1 · retenido %2</translation>
    </message>
</context>
<context>
    <name>tessera::ui::AccountsPage</name>
    <message>
        <source>Statements</source>
        <translation>Extractos</translation>
    </message>
    <message>
        <source>Show &amp;activity</source>
        <translation>Ver &amp;movimientos</translation>
    </message>
    <message>
        <source>&amp;Save as PDF…</source>
        <translation>&amp;Guardar como PDF…</translation>
    </message>
    <message>
        <source>Your accounts</source>
        <translation>Tus cuentas</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Cuentas</translation>
    </message>
    <message>
        <source>Save the selected statement as a PDF file and open it</source>
        <translation>Guarda el extracto seleccionado como archivo PDF y lo abre</translation>
    </message>
    <message>
        <source>Statements of %1</source>
        <translation>Extractos de %1</translation>
    </message>
    <message>
        <source>Saving the statement…</source>
        <translation>Guardando el extracto…</translation>
    </message>
    <message>
        <source>No statements yet: one comes at the end of each month.</source>
        <translation>Todavía no hay extractos: llega uno al final de cada mes.</translation>
    </message>
    <message>
        <source>Statements are saved only where you choose, readable by you alone.</source>
        <translation>Los extractos se guardan solo donde elijas y solo tú puedes leerlos.</translation>
    </message>
    <message>
        <source>Save statement</source>
        <translation>Guardar extracto</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Saved to %1.</source>
        <translation>Guardado en %1.</translation>
    </message>
    <message>
        <source>Statement saved to %1.</source>
        <translation>Extracto guardado en %1.</translation>
    </message>
</context>
<context>
    <name>tessera::ui::ActivityDelegate</name>
    <message>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Ayer</translation>
    </message>
    <message>
        <source>Balance %1</source>
        <translation>Saldo %1</translation>
    </message>
</context>
<context>
    <name>tessera::ui::ActivityDetailsPanel</name>
    <message>
        <source>Select a row to see its details.</source>
        <translation>Selecciona una fila para ver sus detalles.</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Estado:</translation>
    </message>
    <message>
        <source>Settled</source>
        <translation>Liquidado</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>Fecha:</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>Tipo:</translation>
    </message>
    <message>
        <source>Card:</source>
        <translation>Tarjeta:</translation>
    </message>
    <message>
        <source>Category:</source>
        <translation>Categoría:</translation>
    </message>
    <message>
        <source>Where:</source>
        <translation>Dónde:</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>Descripción:</translation>
    </message>
    <message>
        <source>Balance after:</source>
        <translation>Saldo después:</translation>
    </message>
    <message>
        <source>Transaction ID:</source>
        <translation>ID de la transacción:</translation>
    </message>
    <message>
        <source>Authorization ID:</source>
        <translation>ID de la autorización:</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
</context>
<context>
    <name>tessera::ui::ActivityFilterBar</name>
    <message>
        <source>Search merchant, description or amount</source>
        <translation>Buscar comercio, descripción o importe</translation>
    </message>
    <message>
        <source>Search activity</source>
        <translation>Buscar movimientos</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Periodo</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>Cualquier fecha</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Últimos 7 días</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Últimos 30 días</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>Este mes</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>El mes pasado</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>Este año</translation>
    </message>
    <message>
        <source>Dates…</source>
        <translation>Fechas…</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Hasta</translation>
    </message>
    <message>
        <source>Min $</source>
        <translation>Mín. $</translation>
    </message>
    <message>
        <source>Smallest amount</source>
        <translation>Importe mínimo</translation>
    </message>
    <message>
        <source>Max $</source>
        <translation>Máx. $</translation>
    </message>
    <message>
        <source>Largest amount</source>
        <translation>Importe máximo</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>Todos los tipos</translation>
    </message>
    <message>
        <source>Card purchases</source>
        <translation>Compras con tarjeta</translation>
    </message>
    <message>
        <source>ATM</source>
        <translation>Cajero</translation>
    </message>
    <message>
        <source>Deposits</source>
        <translation>Ingresos</translation>
    </message>
    <message>
        <source>Transfers</source>
        <translation>Transferencias</translation>
    </message>
    <message>
        <source>Fees</source>
        <translation>Comisiones</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>Devoluciones</translation>
    </message>
    <message>
        <source>Interest</source>
        <translation>Intereses</translation>
    </message>
    <message>
        <source>Money in or out</source>
        <translation>Entradas o salidas</translation>
    </message>
    <message>
        <source>In and out</source>
        <translation>Entradas y salidas</translation>
    </message>
    <message>
        <source>Money out</source>
        <translation>Salidas</translation>
    </message>
    <message>
        <source>Money in</source>
        <translation>Entradas</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Borrar</translation>
    </message>
    <message>
        <source>Show all activity again</source>
        <translation>Volver a mostrar todos los movimientos</translation>
    </message>
    <message>
        <source>to</source>
        <translation>a</translation>
    </message>
    <message>
        <source>The %1 is not an amount of dollars, such as %2.</source>
        <translation>El %1 no es un importe en dólares, como %2.</translation>
    </message>
    <message>
        <source>smallest amount</source>
        <translation>importe mínimo</translation>
    </message>
    <message>
        <source>largest amount</source>
        <translation>importe máximo</translation>
    </message>
    <message>
        <source>The smallest amount is larger than the largest.</source>
        <translation>El importe mínimo es mayor que el máximo.</translation>
    </message>
    <message>
        <source>The first date is after the last one.</source>
        <translation>La primera fecha es posterior a la última.</translation>
    </message>
</context>
<context>
    <name>tessera::ui::ActivityPage</name>
    <message>
        <source>E&amp;xport CSV…</source>
        <translation>E&amp;xportar CSV…</translation>
    </message>
    <message>
        <source>Simulate a &amp;purchase…</source>
        <translation>Simular una &amp;compra…</translation>
    </message>
    <message>
        <source>Save the activity the filters show as a spreadsheet file (CSV)</source>
        <translation>Guarda los movimientos que muestran los filtros como archivo de hoja de cálculo (CSV)</translation>
    </message>
    <message>
        <source>Sandbox only: a merchant charges this card, as in a shop</source>
        <translation>Solo en el entorno de pruebas: un comercio cobra a esta tarjeta, como en una tienda</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualizar</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Movimientos</translation>
    </message>
    <message>
        <source>Loading activity…</source>
        <translation>Cargando movimientos…</translation>
    </message>
    <message>
        <source>&amp;Try again</source>
        <translation>&amp;Reintentar</translation>
    </message>
    <message>
        <source>Choose a card or an account to see its activity.</source>
        <translation>Elige una tarjeta o una cuenta para ver sus movimientos.</translation>
    </message>
    <message>
        <source>No activity yet.</source>
        <translation>Todavía no hay movimientos.</translation>
    </message>
    <message>
        <source>Nothing matches these filters. Clear them to see all activity.</source>
        <translation>Nada coincide con estos filtros. Bórralos para ver todos los movimientos.</translation>
    </message>
    <message numerus="yes">
        <source>%n transaction(s)</source>
        <translation>
            <numerusform>%n movimiento</numerusform>
            <numerusform>%n movimientos</numerusform>
        </translation>
    </message>
    <message>
        <source>Export activity</source>
        <translation>Exportar movimientos</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <source>Exporting activity…</source>
        <translation>Exportando movimientos…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Exporting activity… %L1 rows</source>
        <translation>Exportando movimientos… %L1 filas</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n row(s) to %1.</source>
        <translation>
            <numerusform>Exportada %n fila a %1.</numerusform>
            <numerusform>Exportadas %n filas a %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation>Exportación cancelada; no se escribió ningún archivo.</translation>
    </message>
    <message>
        <source>The activity could not be exported.</source>
        <translation>No se pudieron exportar los movimientos.</translation>
    </message>
    <message>
        <source>Asking the card network for %1 at %2…</source>
        <translation>Pidiendo a la red de tarjetas %1 en %2…</translation>
    </message>
    <message>
        <source>%1 at %2 is pending: the money is held until the merchant settles it.</source>
        <translation>%1 en %2 está pendiente: el dinero queda retenido hasta que el comercio lo liquide.</translation>
    </message>
    <message>
        <source>%1 at %2 has settled.</source>
        <translation>%1 en %2 se ha liquidado.</translation>
    </message>
</context>
<context>
    <name>tessera::ui::AddressForm</name>
    <message>
        <source>Alabama</source>
        <translation>Alabama</translation>
    </message>
    <message>
        <source>Alaska</source>
        <translation>Alaska</translation>
    </message>
    <message>
        <source>Arizona</source>
        <translation>Arizona</translation>
    </message>
    <message>
        <source>Arkansas</source>
        <translation>Arkansas</translation>
    </message>
    <message>
        <source>California</source>
        <translation>California</translation>
    </message>
    <message>
        <source>Colorado</source>
        <translation>Colorado</translation>
    </message>
    <message>
        <source>Connecticut</source>
        <translation>Connecticut</translation>
    </message>
    <message>
        <source>Delaware</source>
        <translation>Delaware</translation>
    </message>
    <message>
        <source>District of Columbia</source>
        <translation>Distrito de Columbia</translation>
    </message>
    <message>
        <source>Florida</source>
        <translation>Florida</translation>
    </message>
    <message>
        <source>Georgia</source>
        <translation>Georgia</translation>
    </message>
    <message>
        <source>Hawaii</source>
        <translation>Hawái</translation>
    </message>
    <message>
        <source>Idaho</source>
        <translation>Idaho</translation>
    </message>
    <message>
        <source>Illinois</source>
        <translation>Illinois</translation>
    </message>
    <message>
        <source>Indiana</source>
        <translation>Indiana</translation>
    </message>
    <message>
        <source>Iowa</source>
        <translation>Iowa</translation>
    </message>
    <message>
        <source>Kansas</source>
        <translation>Kansas</translation>
    </message>
    <message>
        <source>Kentucky</source>
        <translation>Kentucky</translation>
    </message>
    <message>
        <source>Louisiana</source>
        <translation>Luisiana</translation>
    </message>
    <message>
        <source>Maine</source>
        <translation>Maine</translation>
    </message>
    <message>
        <source>Maryland</source>
        <translation>Maryland</translation>
    </message>
    <message>
        <source>Massachusetts</source>
        <translation>Massachusetts</translation>
    </message>
    <message>
        <source>Michigan</source>
        <translation>Míchigan</translation>
    </message>
    <message>
        <source>Minnesota</source>
        <translation>Minnesota</translation>
    </message>
    <message>
        <source>Mississippi</source>
        <translation>Misisipi</translation>
    </message>
    <message>
        <source>Missouri</source>
        <translation>Misuri</translation>
    </message>
    <message>
        <source>Montana</source>
        <translation>Montana</translation>
    </message>
    <message>
        <source>Nebraska</source>
        <translation>Nebraska</translation>
    </message>
    <message>
        <source>Nevada</source>
        <translation>Nevada</translation>
    </message>
    <message>
        <source>New Hampshire</source>
        <translation>Nuevo Hampshire</translation>
    </message>
    <message>
        <source>New Jersey</source>
        <translation>Nueva Jersey</translation>
    </message>
    <message>
        <source>New Mexico</source>
        <translation>Nuevo México</translation>
    </message>
    <message>
        <source>New York</source>
        <translation>Nueva York</translation>
    </message>
    <message>
        <source>North Carolina</source>
        <translation>Carolina del Norte</translation>
    </message>
    <message>
        <source>North Dakota</source>
        <translation>Dakota del Norte</translation>
    </message>
    <message>
        <source>Ohio</source>
        <translation>Ohio</translation>
    </message>
    <message>
        <source>Oklahoma</source>
        <translation>Oklahoma</translation>
    </message>
    <message>
        <source>Oregon</source>
        <translation>Oregón</translation>
    </message>
    <message>
        <source>Pennsylvania</source>
        <translation>Pensilvania</translation>
    </message>
    <message>
        <source>Rhode Island</source>
        <translation>Rhode Island</translation>
    </message>
    <message>
        <source>South Carolina</source>
        <translation>Carolina del Sur</translation>
    </message>
    <message>
        <source>South Dakota</source>
        <translation>Dakota del Sur</translation>
    </message>
    <message>
        <source>Tennessee</source>
        <translation>Tennessee</translation>
    </message>
    <message>
        <source>Texas</source>
        <translation>Texas</translation>
    </message>
    <message>
        <source>Utah</source>
        <translation>Utah</translation>
    </message>
    <message>
        <source>Vermont</source>
        <translation>Vermont</translation>
    </message>
    <message>
        <source>Virginia</source>
        <translation>Virginia</translation>
    </message>
    <message>
        <source>Washington</source>
        <translation>Washington</translation>
    </message>
    <message>
        <source>West Virginia</source>
        <translation>Virginia Occidental</translation>
    </message>
    <message>
        <source>Wisconsin</source>
        <translation>Wisconsin</translation>
    </message>
    <message>
        <source>Wyoming</source>
        <translation>Wyoming</translation>
    </message>
    <message>
        <source>American Samoa</source>
        <translation>Samoa Americana</translation>
    </message>
    <message>
        <source>Guam</source>
        <translation>Guam</translation>
    </message>
    <message>
        <source>Northern Mariana Islands</source>
        <translation>Islas Marianas del Norte</translation>
    </message>
    <message>
        <source>Puerto Rico</source>
        <translation>Puerto Rico</translation>
    </message>
    <message>
        <source>U.S. Virgin Islands</source>
        <translation>Islas Vírgenes de EE. UU.</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>&amp;Street</source>
        <translation>&amp;Calle y número</translation>
    </message>
    <message>
        <source>Street address</source>
        <translation>Calle y número</translation>
    </message>
    <message>
        <source>e.g. 742 Valencia St</source>
        <translation>p. ej., 742 Valencia St</translation>
    </message>
    <message>
        <source>Apt, s&amp;uite</source>
        <translation>Apto. u &amp;oficina</translation>
    </message>
    <message>
        <source>Apartment or suite (optional)</source>
        <translation>Apartamento u oficina (opcional)</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Opcional</translation>
    </message>
    <message>
        <source>C&amp;ity</source>
        <translation>C&amp;iudad</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ciudad</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Choose a state</source>
        <translation>Elige un estado</translation>
    </message>
    <message>
        <source>S&amp;tate</source>
        <translation>&amp;Estado</translation>
    </message>
    <message>
        <source>&amp;ZIP code</source>
        <translation>Código &amp;postal</translation>
    </message>
    <message>
        <source>ZIP code</source>
        <translation>Código postal</translation>
    </message>
    <message>
        <source>94110 or 94110-1234</source>
        <translation>94110 o 94110-1234</translation>
    </message>
    <message>
        <source>United States</source>
        <translation>Estados Unidos</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>País</translation>
    </message>
    <message>
        <source>Cards can only be shipped within the United States.</source>
        <translation>Las tarjetas solo se pueden enviar dentro de Estados Unidos.</translation>
    </message>
</context>
<context>
    <name>tessera::ui::BankSignInPanel</name>
    <message>
        <source>Sign in with your &amp;bank</source>
        <translation>Iniciar sesión con tu &amp;banco</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Cancelar</translation>
    </message>
    <message>
        <source>Signing you in…</source>
        <translation>Iniciando tu sesión…</translation>
    </message>
    <message>
        <source>Opening your bank&apos;s sign-in page…</source>
        <translation>Abriendo la página de inicio de sesión de tu banco…</translation>
    </message>
    <message>
        <source>Tessera could not open your browser. Open this address in it:</source>
        <translation>Tessera no pudo abrir tu navegador. Abre esta dirección en él:</translation>
    </message>
    <message>
        <source>Continue in your browser: sign in on your bank&apos;s page there. Tessera carries on by itself once you are done.</source>
        <translation>Continúa en tu navegador: inicia sesión allí en la página de tu banco. Tessera seguirá por sí sola cuando termines.</translation>
    </message>
    <message>
        <source>Open the &amp;page again</source>
        <translation>Abrir la &amp;página otra vez</translation>
    </message>
    <message>
        <source>Sign &amp;in with %1</source>
        <translation>&amp;Iniciar sesión con %1</translation>
    </message>
</context>
<context>
    <name>tessera::ui::CardActionRunner</name>
    <message>
        <source>the %1 ending in %2</source>
        <translation>la %1 terminada en %2</translation>
    </message>
    <message>
        <source>Freeze %1? It stops working until you unfreeze it.</source>
        <translation>¿Congelar %1? Dejará de funcionar hasta que la descongeles.</translation>
    </message>
    <message>
        <source>Unfreeze %1? It works again right away.</source>
        <translation>¿Descongelar %1? Volverá a funcionar de inmediato.</translation>
    </message>
    <message>
        <source>Report %1 as lost? This is final: the card stops working for good. You can order a replacement afterwards.</source>
        <translation>¿Reportar %1 como perdida? No se puede deshacer: la tarjeta dejará de funcionar para siempre. Después podrás pedir una de reemplazo.</translation>
    </message>
    <message>
        <source>Report %1 as stolen? This is final: the card stops working for good. You can order a replacement afterwards.</source>
        <translation>¿Reportar %1 como robada? No se puede deshacer: la tarjeta dejará de funcionar para siempre. Después podrás pedir una de reemplazo.</translation>
    </message>
    <message>
        <source>Close %1? This is final: a closed card cannot be used or reopened.</source>
        <translation>¿Cerrar %1? No se puede deshacer: una tarjeta cerrada no se puede usar ni volver a abrir.</translation>
    </message>
    <message>
        <source>This card cannot be changed that way.</source>
        <translation>Esta tarjeta no se puede cambiar de esa forma.</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Confirmar</translation>
    </message>
    <message>
        <source>Card •••• %1 is now %2.</source>
        <translation>La tarjeta •••• %1 ahora está %2.</translation>
    </message>
    <message>
        <source>The card was not changed: confirmation was cancelled.</source>
        <translation>La tarjeta no se cambió: se canceló la confirmación.</translation>
    </message>
    <message>
        <source>The card was not changed. %1</source>
        <translation>La tarjeta no se cambió. %1</translation>
    </message>
</context>
<context>
    <name>tessera::ui::CardCreatedPage</name>
    <message>
        <source>Your card is ready</source>
        <translation>Tu tarjeta está lista</translation>
    </message>
    <message>
        <source>Here are the details of your new card.</source>
        <translation>Estos son los datos de tu nueva tarjeta.</translation>
    </message>
    <message>
        <source>Your virtual card can be used online right away.</source>
        <translation>Ya puedes usar tu tarjeta virtual para comprar en línea.</translation>
    </message>
    <message>
        <source>Your card will be mailed to the address you gave.</source>
        <translation>Te enviaremos la tarjeta por correo a la dirección que indicaste.</translation>
    </message>
    <message>
        <source>%1 ending in %2</source>
        <translation>%1 terminada en %2</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>Estado: %1</translation>
    </message>
    <message>
        <source>Expires: %1</source>
        <translation>Vencimiento: %1</translation>
    </message>
    <message>
        <source>%1 — activate it when it arrives</source>
        <translation>%1 — actívala cuando la recibas</translation>
    </message>
    <message>
        <source>%1 — ready to use online</source>
        <translation>%1 — lista para usar en línea</translation>
    </message>
    <message>
        <source>%1 — activate it when it arrives to use it in stores</source>
        <translation>%1 — actívala cuando la recibas para usarla en tiendas</translation>
    </message>
</context>
<context>
    <name>tessera::ui::CardDelegate</name>
    <message>
        <source>Expires %1</source>
        <translation>Vence %1</translation>
    </message>
    <message>
        <source>From %1</source>
        <translation>Con cargo a %1</translation>
    </message>
    <message>
        <source>From %1 (%2)</source>
        <translation>De %1 (%2)</translation>
    </message>
    <message>
        <source>%1, %2 available</source>
        <translation>%1, %2 disponibles</translation>
    </message>
</context>
<context>
    <name>tessera::ui::CardDetailsPanel</name>
    <message>
        <source>&amp;Freeze</source>
        <translation>Con&amp;gelar</translation>
    </message>
    <message>
        <source>&amp;Unfreeze</source>
        <translation>&amp;Descongelar</translation>
    </message>
    <message>
        <source>Report &amp;lost</source>
        <translation>Reportar &amp;pérdida</translation>
    </message>
    <message>
        <source>Report &amp;stolen</source>
        <translation>Reportar r&amp;obo</translation>
    </message>
    <message>
        <source>&amp;Close card</source>
        <translation>C&amp;errar tarjeta</translation>
    </message>
    <message>
        <source>Select a card to see its details.</source>
        <translation>Selecciona una tarjeta para ver sus datos.</translation>
    </message>
    <message>
        <source>&amp;Replace…</source>
        <translation>&amp;Reemplazar…</translation>
    </message>
    <message>
        <source>Card number, CVV, PIN and adding the card to a wallet need Unit&apos;s PCI-compliant components, which are not available in the desktop client. Use your bank&apos;s mobile app for those.</source>
        <translation>El número de tarjeta, el CVV, el PIN y agregar la tarjeta a una billetera digital requieren los componentes de Unit que cumplen con PCI, que no están disponibles en el cliente de escritorio. Para eso, usa la aplicación móvil de tu banco.</translation>
    </message>
    <message>
        <source>Limits</source>
        <translation>Límites</translation>
    </message>
    <message>
        <source>%1 •••• %2</source>
        <translation>%1 •••• %2</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Estado:</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Expires:</source>
        <translation>Vencimiento:</translation>
    </message>
    <message>
        <source>Draws on:</source>
        <translation>Con cargo a:</translation>
    </message>
    <message>
        <source>Account %1</source>
        <translation>Cuenta %1</translation>
    </message>
    <message>
        <source>Design:</source>
        <translation>Diseño:</translation>
    </message>
    <message>
        <source>Tags:</source>
        <translation>Etiquetas:</translation>
    </message>
    <message>
        <source>Ships to:</source>
        <translation>Se envía a:</translation>
    </message>
    <message>
        <source>Created:</source>
        <translation>Creada:</translation>
    </message>
    <message>
        <source>Last changed:</source>
        <translation>Último cambio:</translation>
    </message>
    <message>
        <source>%1 (now %2)</source>
        <translation>%1 (ahora %2)</translation>
    </message>
    <message>
        <source>Card ID:</source>
        <translation>ID de tarjeta:</translation>
    </message>
    <message>
        <source>Loading limits…</source>
        <translation>Cargando los límites…</translation>
    </message>
    <message>
        <source>Limits could not be loaded: %1</source>
        <translation>No se pudieron cargar los límites: %1</translation>
    </message>
    <message>
        <source>%1: %2 of %3 used</source>
        <translation>%1: %2 usados de %3</translation>
    </message>
    <message>
        <source>%1: %2 used, account limit applies</source>
        <translation>%1: %2 usados (límite de la cuenta)</translation>
    </message>
    <message>
        <source>Daily purchases</source>
        <translation>Compras diarias</translation>
    </message>
    <message>
        <source>Daily withdrawals</source>
        <translation>Retiros diarios</translation>
    </message>
    <message>
        <source>Monthly purchases</source>
        <translation>Compras mensuales</translation>
    </message>
    <message>
        <source>Monthly withdrawals</source>
        <translation>Retiros mensuales</translation>
    </message>
    <message>
        <source>Simulate card &amp;arrival</source>
        <translation>Simular la &amp;llegada de la tarjeta</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problema</translation>
    </message>
    <message>
        <source>✕</source>
        <translation>✕</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Descartar</translation>
    </message>
    <message>
        <source>Dismiss the problem</source>
        <translation>Descartar el problema</translation>
    </message>
    <message>
        <source>This card is not activated yet. When it arrives, activate it by calling the toll-free number on the card or in your bank&apos;s app. Until then it cannot be used.</source>
        <translation>Esta tarjeta aún no está activada. Cuando la recibas, actívala llamando al número gratuito que aparece en la tarjeta o desde la aplicación de tu banco. Hasta entonces no se puede usar.</translation>
    </message>
    <message>
        <source>Demo only: acts as if the card arrived and you activated it.</source>
        <translation>Solo en la demostración: hace como si la tarjeta hubiera llegado y la hubieras activado.</translation>
    </message>
    <message>
        <source>Reference for support: %1</source>
        <translation>Referencia para soporte: %1</translation>
    </message>
    <message>
        <source>Replaced:</source>
        <translation>Reemplazada:</translation>
    </message>
    <message>
        <source>Replaced by a new card</source>
        <translation>Reemplazada por una tarjeta nueva</translation>
    </message>
    <message>
        <source>Replaced by •••• %1</source>
        <translation>Reemplazada por •••• %1</translation>
    </message>
    <message>
        <source>Activit&amp;y</source>
        <translation>&amp;Movimientos</translation>
    </message>
    <message>
        <source>Purchases, withdrawals and pending payments of this card</source>
        <translation>Compras, retiradas y pagos pendientes de esta tarjeta</translation>
    </message>
    <message>
        <source>%1
%2 available</source>
        <translation>%1
%2 disponibles</translation>
    </message>
</context>
<context>
    <name>tessera::ui::CardKindPage</name>
    <message>
        <source>&amp;Physical debit card</source>
        <translation>Tarjeta de débito &amp;física</translation>
    </message>
    <message>
        <source>&amp;Virtual debit card</source>
        <translation>Tarjeta de débito &amp;virtual</translation>
    </message>
    <message>
        <source>Choose a card</source>
        <translation>Elige una tarjeta</translation>
    </message>
    <message>
        <source>Both kinds draw on one of your deposit accounts.</source>
        <translation>Ambas se cargan a una de tus cuentas de depósito.</translation>
    </message>
    <message>
        <source>Mailed to the address you choose; you activate it when it arrives.</source>
        <translation>Se envía por correo a la dirección que elijas; la activas cuando la recibas.</translation>
    </message>
    <message>
        <source>Ready at once for online and in-app purchases; nothing is mailed.</source>
        <translation>Lista al instante para compras en línea y en aplicaciones; no se envía nada por correo.</translation>
    </message>
</context>
<context>
    <name>tessera::ui::CardsPage</name>
    <message>
        <source>&amp;Create card…</source>
        <translation>&amp;Crear tarjeta…</translation>
    </message>
    <message>
        <source>Show cards</source>
        <translation>Mostrar tarjetas</translation>
    </message>
    <message>
        <source>All cards</source>
        <translation>Todas las tarjetas</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Activas</translation>
    </message>
    <message>
        <source>Not activated</source>
        <translation>Sin activar</translation>
    </message>
    <message>
        <source>Frozen</source>
        <translation>Congeladas</translation>
    </message>
    <message>
        <source>Lost or stolen</source>
        <translation>Perdidas o robadas</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Cerradas</translation>
    </message>
    <message>
        <source>Suspected fraud</source>
        <translation>Posible fraude</translation>
    </message>
    <message>
        <source>Sort cards</source>
        <translation>Ordenar tarjetas</translation>
    </message>
    <message>
        <source>Newest first</source>
        <translation>Más recientes primero</translation>
    </message>
    <message>
        <source>Oldest first</source>
        <translation>Más antiguas primero</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualizar</translation>
    </message>
    <message>
        <source>Refresh (F5)</source>
        <translation>Actualizar (F5)</translation>
    </message>
    <message>
        <source>Create a debit card (%1)</source>
        <translation>Crear una tarjeta de débito (%1)</translation>
    </message>
    <message>
        <source>Cards</source>
        <translation>Tarjetas</translation>
    </message>
    <message>
        <source>Loading your cards…</source>
        <translation>Cargando tus tarjetas…</translation>
    </message>
    <message>
        <source>Create card</source>
        <translation>Crear tarjeta</translation>
    </message>
    <message>
        <source>No cards yet</source>
        <translation>Todavía no tienes tarjetas</translation>
    </message>
    <message>
        <source>&amp;Try again</source>
        <translation>&amp;Reintentar</translation>
    </message>
    <message>
        <source>Your cards</source>
        <translation>Tus tarjetas</translation>
    </message>
    <message>
        <source>Hello, %1 — your cards</source>
        <translation>Hola, %1 — tus tarjetas</translation>
    </message>
    <message>
        <source>More cards could not be loaded: %1</source>
        <translation>No se pudieron cargar más tarjetas: %1</translation>
    </message>
    <message>
        <source>Your cards could not be loaded.
%1</source>
        <translation>No se pudieron cargar tus tarjetas.
%1</translation>
    </message>
    <message>
        <source>No cards with this status</source>
        <translation>No hay tarjetas con este estado</translation>
    </message>
    <message>
        <source>Show all cards</source>
        <translation>Mostrar todas las tarjetas</translation>
    </message>
    <message>
        <source>Loading cards</source>
        <translation>Cargando tarjetas</translation>
    </message>
    <message>
        <source>Search cards</source>
        <translation>Buscar tarjetas</translation>
    </message>
    <message>
        <source>Search last 4 digits, nickname or tag</source>
        <translation>Busca por los últimos 4 dígitos, apodo o etiqueta</translation>
    </message>
    <message>
        <source>Your cards could not be refreshed: %1</source>
        <translation>No se pudieron actualizar tus tarjetas: %1</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Buscando…</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln card(s)</source>
        <translation>
            <numerusform>%1 de %Ln tarjeta</numerusform>
            <numerusform>%1 de %Ln tarjetas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln card(s)</source>
        <translation>
            <numerusform>%Ln tarjeta</numerusform>
            <numerusform>%Ln tarjetas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln+ cards</source>
        <translation>
            <numerusform>%Ln+ tarjetas</numerusform>
            <numerusform>%Ln+ tarjetas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln card(s) could not be shown.</source>
        <translation>
            <numerusform>No se pudo mostrar %Ln tarjeta.</numerusform>
            <numerusform>No se pudieron mostrar %Ln tarjetas.</numerusform>
        </translation>
    </message>
    <message>
        <source>No card matches your search</source>
        <translation>Ninguna tarjeta coincide con tu búsqueda</translation>
    </message>
    <message>
        <source>Searching your cards…</source>
        <translation>Buscando en tus tarjetas…</translation>
    </message>
</context>
<context>
    <name>tessera::ui::CreateCardWizard</name>
    <message>
        <source>New card</source>
        <translation>Nueva tarjeta</translation>
    </message>
    <message>
        <source>&amp;Create card</source>
        <translation>&amp;Crear tarjeta</translation>
    </message>
    <message>
        <source>Card not created: %1</source>
        <translation>No se creó la tarjeta: %1</translation>
    </message>
    <message>
        <source>Card not created: %1 Nothing you entered is lost; choose Create card to try again.</source>
        <translation>No se creó la tarjeta: %1 No se perdió nada de lo que escribiste; elige Crear tarjeta para volver a intentarlo.</translation>
    </message>
    <message>
        <source>Card not created: you are signed out. Sign in again to create the card.</source>
        <translation>No se creó la tarjeta: cerraste sesión. Vuelve a iniciar sesión para crearla.</translation>
    </message>
    <message>
        <source>Card not created: confirmation was cancelled.</source>
        <translation>No se creó la tarjeta: se canceló la confirmación.</translation>
    </message>
</context>
<context>
    <name>tessera::ui::FundingAccountPage</name>
    <message>
        <source>Closed — cards can only draw on open accounts</source>
        <translation>Cerrada — las tarjetas solo se pueden cargar a cuentas abiertas</translation>
    </message>
    <message>
        <source>Frozen — cards can only draw on open accounts</source>
        <translation>Congelada — las tarjetas solo se pueden cargar a cuentas abiertas</translation>
    </message>
    <message>
        <source>%1 — cards can only draw on open accounts</source>
        <translation>%1 — las tarjetas solo se pueden cargar a cuentas abiertas</translation>
    </message>
    <message>
        <source>Unavailable</source>
        <translation>No disponible</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Reintentar</translation>
    </message>
    <message>
        <source>Choose the account</source>
        <translation>Elige la cuenta</translation>
    </message>
    <message>
        <source>Purchases and withdrawals with the card are paid from this account.</source>
        <translation>Las compras y los retiros con la tarjeta se pagan desde esta cuenta.</translation>
    </message>
    <message>
        <source>Loading accounts</source>
        <translation>Cargando las cuentas</translation>
    </message>
    <message>
        <source>Retry loading accounts</source>
        <translation>Volver a cargar las cuentas</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Cuentas</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Loading your accounts…</source>
        <translation>Cargando tus cuentas…</translation>
    </message>
    <message>
        <source>Your accounts could not be loaded because the sign-in was not renewed.</source>
        <translation>No se pudieron cargar tus cuentas porque no se renovó el inicio de sesión.</translation>
    </message>
    <message>
        <source>Your accounts could not be loaded: %1</source>
        <translation>No se pudieron cargar tus cuentas: %1</translation>
    </message>
    <message>
        <source>Account %1</source>
        <translation>Cuenta %1</translation>
    </message>
    <message>
        <source>%1
%2 · %3 available</source>
        <translation>%1
%2 · %3 disponibles</translation>
    </message>
    <message>
        <source>%1
%2 · %3</source>
        <translation>%1
%2 · %3</translation>
    </message>
    <message>
        <source>You have no deposit account a card could draw on.</source>
        <translation>No tienes ninguna cuenta de depósito a la que se pueda cargar una tarjeta.</translation>
    </message>
    <message>
        <source>None of your accounts is open, so no card can be created.</source>
        <translation>Ninguna de tus cuentas está abierta, así que no se puede crear ninguna tarjeta.</translation>
    </message>
    <message>
        <source>Choose one of your open accounts.</source>
        <translation>Elige una de tus cuentas abiertas.</translation>
    </message>
</context>
<context>
    <name>tessera::ui::LockView</name>
    <message>
        <source>Tessera is locked</source>
        <translation>Tessera está bloqueado</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Desbloquear</translation>
    </message>
    <message>
        <source>Asks for a code sent to your phone</source>
        <translation>Pide un código que se envía a tu teléfono</translation>
    </message>
</context>
<context>
    <name>tessera::ui::MainWindow</name>
    <message>
        <source>Sign out</source>
        <translation>Cerrar sesión</translation>
    </message>
    <message>
        <source>Tessera — %1</source>
        <translation>Tessera — %1</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Configuración…</translation>
    </message>
    <message>
        <source>Ctrl+,</source>
        <translation>Ctrl+,</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>Cerrar &amp;sesión</translation>
    </message>
    <message>
        <source>Ctrl+Shift+Q</source>
        <translation>Ctrl+Shift+Q</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>Sa&amp;lir</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <source>&amp;About Tessera</source>
        <translation>&amp;Acerca de Tessera</translation>
    </message>
    <message>
        <source>About Tessera</source>
        <translation>Acerca de Tessera</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Tessera %1&lt;/h3&gt;&lt;p&gt;A desktop banking client for Unit&apos;s customer API.&lt;/p&gt;&lt;p&gt;Environment: %2 (%3)&lt;/p&gt;&lt;p&gt;Built with Qt %4.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Tessera %1&lt;/h3&gt;&lt;p&gt;Un cliente bancario de escritorio para la API de clientes de Unit.&lt;/p&gt;&lt;p&gt;Entorno: %2 (%3)&lt;/p&gt;&lt;p&gt;Creado con Qt %4.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1 en %2</translation>
    </message>
    <message>
        <source>Environment: %1</source>
        <translation>Entorno: %1</translation>
    </message>
    <message>
        <source>⚠ Sign-in not remembered</source>
        <translation>⚠ No se recordará la sesión</translation>
    </message>
    <message numerus="yes">
        <source>Your session ends in %n minute(s).</source>
        <translation>
            <numerusform>Tu sesión termina en %n minuto.</numerusform>
            <numerusform>Tu sesión termina en %n minutos.</numerusform>
        </translation>
    </message>
    <message>
        <source>Your new card •••• %1 was created.</source>
        <translation>Se creó tu nueva tarjeta •••• %1.</translation>
    </message>
    <message>
        <source>Replacement card •••• %1 is on its way.</source>
        <translation>La tarjeta de reemplazo •••• %1 está en camino.</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>Sesión cerrada</translation>
    </message>
    <message>
        <source>Session expired</source>
        <translation>Sesión vencida</translation>
    </message>
    <message>
        <source>Session ends in %1</source>
        <translation>La sesión termina en %1</translation>
    </message>
    <message>
        <source>&amp;Lock now</source>
        <translation>&amp;Bloquear ahora</translation>
    </message>
    <message>
        <source>Ctrl+L</source>
        <translation>Ctrl+L</translation>
    </message>
    <message>
        <source>Cards</source>
        <translation>Tarjetas</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Cuentas</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Movimientos</translation>
    </message>
    <message>
        <source>%1 •••• %2</source>
        <translation>%1 •••• %2</translation>
    </message>
    <message>
        <source>Opening your saved sign-in…</source>
        <translation>Abriendo tu inicio de sesión guardado…</translation>
    </message>
</context>
<context>
    <name>tessera::ui::OtpDialog</name>
    <message>
        <source>Text message</source>
        <translation>Mensaje de texto</translation>
    </message>
    <message>
        <source>Voice call</source>
        <translation>Llamada de voz</translation>
    </message>
    <message>
        <source>Enter your code</source>
        <translation>Escribe tu código</translation>
    </message>
    <message>
        <source>To confirm it is you, enter the 6-digit code we sent to your phone.</source>
        <translation>Para confirmar que eres tú, escribe el código de 6 dígitos que enviamos a tu teléfono.</translation>
    </message>
    <message>
        <source>This action needs extra confirmation. Enter the 6-digit code we sent to your phone.</source>
        <translation>Esta acción necesita una confirmación adicional. Escribe el código de 6 dígitos que enviamos a tu teléfono.</translation>
    </message>
    <message>
        <source>Your session has expired. Enter the 6-digit code we sent to your phone to continue where you left off.</source>
        <translation>Tu sesión venció. Escribe el código de 6 dígitos que enviamos a tu teléfono para seguir donde lo dejaste.</translation>
    </message>
    <message>
        <source>Sending the code…</source>
        <translation>Enviando el código…</translation>
    </message>
    <message>
        <source>Sending the code to %1…</source>
        <translation>Enviando el código al %1…</translation>
    </message>
    <message>
        <source>Sandbox code: 000001 (no SMS is sent)</source>
        <translation>Código del sandbox: 000001 (no se envía ningún SMS)</translation>
    </message>
    <message>
        <source>One-time code</source>
        <translation>Código de un solo uso</translation>
    </message>
    <message>
        <source>Six digits</source>
        <translation>Seis dígitos</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Resend code</source>
        <translation>Reenviar código</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>Procesando</translation>
    </message>
    <message>
        <source>&amp;Verify</source>
        <translation>&amp;Verificar</translation>
    </message>
    <message>
        <source>Didn&apos;t get it? Send it again by:</source>
        <translation>¿No te llegó? Vuelve a enviarlo por:</translation>
    </message>
    <message>
        <source>We are calling %1 with your code.</source>
        <translation>Te estamos llamando al %1 para darte el código.</translation>
    </message>
    <message>
        <source>We sent a code by text message to %1.</source>
        <translation>Enviamos un código por mensaje de texto al %1.</translation>
    </message>
    <message>
        <source>your phone</source>
        <translation>tu teléfono</translation>
    </message>
    <message>
        <source>The code could not be sent: %1</source>
        <translation>No se pudo enviar el código: %1</translation>
    </message>
    <message>
        <source>Enter all 6 digits of the code.</source>
        <translation>Escribe los 6 dígitos del código.</translation>
    </message>
    <message>
        <source>Resend in %1 s</source>
        <translation>Reenviar en %1 s</translation>
    </message>
    <message>
        <source>&amp;Resend code</source>
        <translation>&amp;Reenviar código</translation>
    </message>
    <message>
        <source>Tessera is locked. Enter the 6-digit code we sent to your phone to unlock it.</source>
        <translation>Tessera está bloqueado. Escribe el código de 6 dígitos que enviamos a tu teléfono para desbloquearlo.</translation>
    </message>
    <message>
        <source>To show this, Tessera needs to renew your sign-in. Enter the 6-digit code we sent to your phone.</source>
        <translation>Para mostrar esto, Tessera necesita renovar tu sesión. Introduce el código de 6 dígitos que enviamos a tu teléfono.</translation>
    </message>
</context>
<context>
    <name>tessera::ui::ReplaceCardDialog</name>
    <message>
        <source>Replacing your card…</source>
        <translation>Reemplazando tu tarjeta…</translation>
    </message>
    <message>
        <source>Replace card</source>
        <translation>Reemplazar tarjeta</translation>
    </message>
    <message>
        <source>Your %1 ending in %2 will stop working, and a new virtual card with a new number will be ready at once. Update any merchants that keep the old number.</source>
        <translation>Tu %1 terminada en %2 dejará de funcionar y tendrás al instante una nueva tarjeta virtual con otro número. Actualiza los comercios que tengan guardado el número anterior.</translation>
    </message>
    <message>
        <source>Your %1 ending in %2 will stop working, and a new card with a new number will be mailed to the address below. Activate it when it arrives.</source>
        <translation>Tu %1 terminada en %2 dejará de funcionar y te enviaremos por correo una nueva tarjeta con otro número a la dirección de abajo. Actívala cuando la recibas.</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Replacing the card</source>
        <translation>Reemplazando la tarjeta</translation>
    </message>
    <message>
        <source>&amp;Replace card</source>
        <translation>&amp;Reemplazar tarjeta</translation>
    </message>
    <message>
        <source>Loading your address on file…</source>
        <translation>Cargando la dirección que tenemos registrada…</translation>
    </message>
    <message>
        <source>Your address on file could not be loaded (%1). Enter the address to mail the new card to.</source>
        <translation>No se pudo cargar la dirección registrada (%1). Escribe la dirección a la que enviaremos la nueva tarjeta.</translation>
    </message>
    <message>
        <source>Card not replaced: you are signed out. Sign in again to replace it.</source>
        <translation>No se reemplazó la tarjeta: cerraste sesión. Vuelve a iniciar sesión para reemplazarla.</translation>
    </message>
    <message>
        <source>Card not replaced: confirmation was cancelled.</source>
        <translation>No se reemplazó la tarjeta: se canceló la confirmación.</translation>
    </message>
    <message>
        <source>Card not replaced. %1</source>
        <translation>No se reemplazó la tarjeta. %1</translation>
    </message>
</context>
<context>
    <name>tessera::ui::ReviewPage</name>
    <message>
        <source>Mail to:</source>
        <translation>Enviar a:</translation>
    </message>
    <message>
        <source>Creating your card…</source>
        <translation>Creando tu tarjeta…</translation>
    </message>
    <message>
        <source>Review and create</source>
        <translation>Revisa y crea</translation>
    </message>
    <message>
        <source>Check the details, then create the card.</source>
        <translation>Comprueba los datos y después crea la tarjeta.</translation>
    </message>
    <message>
        <source>Creating a card needs extra confirmation: you may be asked for a one-time code sent to your phone.</source>
        <translation>Para crear una tarjeta se necesita una confirmación adicional: es posible que te pidamos un código de un solo uso enviado a tu teléfono.</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Creating the card</source>
        <translation>Creando la tarjeta</translation>
    </message>
    <message>
        <source>Card:</source>
        <translation>Tarjeta:</translation>
    </message>
    <message>
        <source>Account:</source>
        <translation>Cuenta:</translation>
    </message>
    <message>
        <source>%1 Trying again (attempt %2 of %3)…</source>
        <translation>%1 Volviendo a intentarlo (intento %2 de %3)…</translation>
    </message>
</context>
<context>
    <name>tessera::ui::SettingsDialog</name>
    <message>
        <source>API &amp;address:</source>
        <translation>&amp;Dirección de la API:</translation>
    </message>
    <message>
        <source>Token &amp;broker:</source>
        <translation>Servidor de &amp;tokens:</translation>
    </message>
    <message>
        <source>Sandbox &amp;org token:</source>
        <translation>Token de &amp;organización (sandbox):</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Entorno</translation>
    </message>
    <message>
        <source>Demo (built in, works offline)</source>
        <translation>Demostración (integrada, funciona sin conexión)</translation>
    </message>
    <message>
        <source>Unit sandbox</source>
        <translation>Sandbox de Unit</translation>
    </message>
    <message>
        <source>Production</source>
        <translation>Producción</translation>
    </message>
    <message>
        <source>Custom server</source>
        <translation>Servidor personalizado</translation>
    </message>
    <message>
        <source>API address</source>
        <translation>Dirección de la API</translation>
    </message>
    <message>
        <source>Token broker address</source>
        <translation>Dirección del servidor de tokens</translation>
    </message>
    <message>
        <source>Sandbox org token</source>
        <translation>Token de organización del sandbox</translation>
    </message>
    <message>
        <source>Leave empty to keep the saved one</source>
        <translation>Déjalo vacío para conservar el guardado</translation>
    </message>
    <message>
        <source>Kept in the system keychain, never in a file.</source>
        <translation>Se guarda en el llavero del sistema, nunca en un archivo.</translation>
    </message>
    <message>
        <source>&amp;Environment:</source>
        <translation>&amp;Entorno:</translation>
    </message>
    <message>
        <source>Changing the environment restarts Tessera.</source>
        <translation>Al cambiar de entorno, Tessera se reinicia.</translation>
    </message>
    <message>
        <source>This computer (started by Tessera)</source>
        <translation>Este equipo (iniciado por Tessera)</translation>
    </message>
    <message>
        <source>The org token could not be saved: %1</source>
        <translation>No se pudo guardar el token de organización: %1</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Lock after this many minutes without use</source>
        <translation>Bloquear tras estos minutos sin uso</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Seguridad</translation>
    </message>
    <message>
        <source>Lock when &amp;idle for:</source>
        <translation>Bloquear tras &amp;inactividad de:</translation>
    </message>
    <message>
        <source>Tessera also locks when your screen locks. A code sent to your phone unlocks it.</source>
        <translation>Tessera también se bloquea cuando se bloquea tu pantalla. Un código enviado a tu teléfono lo desbloquea.</translation>
    </message>
    <message>
        <source>Minutes a code confirms card changes for the same card</source>
        <translation>Minutos durante los que un código confirma cambios en la misma tarjeta</translation>
    </message>
    <message>
        <source>A &amp;code confirms changes for:</source>
        <translation>Un &amp;código confirma cambios durante:</translation>
    </message>
    <message>
        <source>Your bank set up Tessera for you; these cannot be changed here.</source>
        <translation>Tu banco configuró Tessera por ti; esto no se puede cambiar aquí.</translation>
    </message>
    <message>
        <source>%1 set up Tessera for you; these cannot be changed here.</source>
        <translation>%1 configuró Tessera por ti; esto no se puede cambiar aquí.</translation>
    </message>
</context>
<context>
    <name>tessera::ui::ShippingAddressPage</name>
    <message>
        <source>Where should we mail the card?</source>
        <translation>¿A dónde enviamos la tarjeta?</translation>
    </message>
    <message>
        <source>The card is mailed to this address. Changing it here does not change the address on your profile.</source>
        <translation>La tarjeta se envía por correo a esta dirección. Cambiarla aquí no cambia la dirección de tu perfil.</translation>
    </message>
    <message>
        <source>Loading your address on file…</source>
        <translation>Cargando la dirección que tenemos registrada…</translation>
    </message>
    <message>
        <source>Your address on file could not be loaded (%1). Enter the address to mail the card to.</source>
        <translation>No se pudo cargar la dirección registrada (%1). Escribe la dirección a la que enviaremos la tarjeta.</translation>
    </message>
</context>
<context>
    <name>tessera::ui::SignInPage</name>
    <message>
        <source>&amp;Try again</source>
        <translation>&amp;Reintentar</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>&amp;Iniciar sesión</translation>
    </message>
    <message>
        <source>Sign in to Tessera</source>
        <translation>Inicia sesión en Tessera</translation>
    </message>
    <message>
        <source>This is a demo with made-up customers. Choose one to sign in as; the one-time code is always 000001.</source>
        <translation>Esta es una demostración con clientes ficticios. Elige con cuál iniciar sesión; el código de un solo uso siempre es 000001.</translation>
    </message>
    <message>
        <source>Demo customers</source>
        <translation>Clientes de demostración</translation>
    </message>
    <message>
        <source>Enter your customer ID; we will send a one-time code to the phone on file. If your bank signed you in already, paste its token instead.</source>
        <translation>Escribe tu ID de cliente; enviaremos un código de un solo uso al teléfono registrado. Si tu banco ya inició tu sesión, pega su token.</translation>
    </message>
    <message>
        <source>Customer ID</source>
        <translation>ID de cliente</translation>
    </message>
    <message>
        <source>e.g. 10001</source>
        <translation>p. ej., 10001</translation>
    </message>
    <message>
        <source>Identity token (JWT)</source>
        <translation>Token de identidad (JWT)</translation>
    </message>
    <message>
        <source>eyJhbGciOi…</source>
        <translation>eyJhbGciOi…</translation>
    </message>
    <message>
        <source>Sign in with &amp;token</source>
        <translation>Iniciar sesión con &amp;token</translation>
    </message>
    <message>
        <source>Customer &amp;ID:</source>
        <translation>ID de &amp;cliente:</translation>
    </message>
    <message>
        <source>Identity &amp;token:</source>
        <translation>Token de i&amp;dentidad:</translation>
    </message>
    <message>
        <source>Loading demo customers…</source>
        <translation>Cargando los clientes de demostración…</translation>
    </message>
    <message>
        <source>The demo customers could not be loaded: %1</source>
        <translation>No se pudieron cargar los clientes de demostración: %1</translation>
    </message>
    <message>
        <source>Enter your customer ID.</source>
        <translation>Escribe tu ID de cliente.</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Iniciando sesión…</translation>
    </message>
    <message>
        <source>Looking for a saved sign-in…</source>
        <translation>Buscando un inicio de sesión guardado…</translation>
    </message>
    <message>
        <source>Sign in to %1</source>
        <translation>Iniciar sesión en %1</translation>
    </message>
    <message>
        <source>&amp;Send code</source>
        <translation>&amp;Enviar código</translation>
    </message>
    <message>
        <source>Enter the phone number or email address of your account. We will send a one-time code to the phone on your account.</source>
        <translation>Escribe el número de teléfono o el correo electrónico de tu cuenta. Enviaremos un código de un solo uso al teléfono de tu cuenta.</translation>
    </message>
    <message>
        <source>Phone number or email</source>
        <translation>Número de teléfono o correo electrónico</translation>
    </message>
    <message>
        <source>(555) 555-0100 or name@example.com</source>
        <translation>(555) 555-0100 o nombre@ejemplo.com</translation>
    </message>
    <message>
        <source>Text message</source>
        <translation>Mensaje de texto</translation>
    </message>
    <message>
        <source>Phone call</source>
        <translation>Llamada</translation>
    </message>
    <message>
        <source>&amp;Phone number or email:</source>
        <translation>&amp;Teléfono o correo electrónico:</translation>
    </message>
    <message>
        <source>Send the code by:</source>
        <translation>Enviar el código por:</translation>
    </message>
    <message>
        <source>T&amp;ry again</source>
        <translation>&amp;Reintentar</translation>
    </message>
    <message>
        <source>Identity &amp;token (support):</source>
        <translation>&amp;Token de identidad (soporte):</translation>
    </message>
    <message>
        <source>Sending the code…</source>
        <translation>Enviando el código…</translation>
    </message>
    <message>
        <source>Sign in with your bank&apos;s online banking details in your browser, or get a one-time code on the phone on your account.</source>
        <translation>Inicia sesión con los datos de la banca en línea de tu banco en tu navegador, o recibe un código de un solo uso en el teléfono de tu cuenta.</translation>
    </message>
    <message>
        <source>Or get a code instead:</source>
        <translation>O recibe un código:</translation>
    </message>
</context>
<context>
    <name>tessera::ui::SimulatePurchaseDialog</name>
    <message>
        <source>Simulate a purchase</source>
        <translation>Simular una compra</translation>
    </message>
    <message>
        <source>A merchant charges card •••• %1, as in a shop. The payment shows as pending at once and settles a few seconds later. Sandbox only: no real money moves.</source>
        <translation>Un comercio cobra a la tarjeta •••• %1, como en una tienda. El pago aparece enseguida como pendiente y se liquida unos segundos después. Solo en el entorno de pruebas: no se mueve dinero real.</translation>
    </message>
    <message>
        <source>&amp;Amount ($):</source>
        <translation>&amp;Importe ($):</translation>
    </message>
    <message>
        <source>&amp;Merchant:</source>
        <translation>Co&amp;mercio:</translation>
    </message>
    <message>
        <source>&amp;Simulate</source>
        <translation>&amp;Simular</translation>
    </message>
    <message>
        <source>Type an amount of dollars, such as %1.</source>
        <translation>Escribe un importe en dólares, como %1.</translation>
    </message>
    <message>
        <source>A simulated purchase is at most %1.</source>
        <translation>Una compra simulada es de %1 como máximo.</translation>
    </message>
    <message>
        <source>Type the merchant&apos;s name.</source>
        <translation>Escribe el nombre del comercio.</translation>
    </message>
</context>
</TS>
