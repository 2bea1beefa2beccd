<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES" sourcelanguage="en">
<context>
    <name>AccountForm</name>
    <message>
        <source>Keyring locked</source>
        <translation>Llavero bloqueado</translation>
    </message>
    <message>
        <source>Edit sync account</source>
        <translation>Editar cuenta de sincronización</translation>
    </message>
    <message>
        <source>Add sync account</source>
        <translation>Añadir cuenta de sincronización</translation>
    </message>
    <message>
        <source>Account name</source>
        <translation>Nombre de la cuenta</translation>
    </message>
    <message>
        <source>e.g. home or office</source>
        <translation>p. ej. casa u oficina</translation>
    </message>
    <message>
        <source>Server URL</source>
        <translation>URL del servidor</translation>
    </message>
    <message>
        <source>https://cloud.example.org/remote.php/dav</source>
        <translation>https://cloud.example.org/remote.php/dav</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Nombre de usuario</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>unchanged — type to replace</source>
        <translation>sin cambios — escribe para sustituirla</translation>
    </message>
    <message>
        <source>Sync every so many minutes (0: only on demand)</source>
        <translation>Sincronizar cada tantos minutos (0: solo a petición)</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>only on demand</source>
        <translation>solo a petición</translation>
    </message>
    <message>
        <source>&amp;Connect and find the address book</source>
        <translation>&amp;Conectar y buscar la libreta de direcciones</translation>
    </message>
    <message>
        <source>Stop &amp;searching</source>
        <translation>Dejar de &amp;buscar</translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>Conectando</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nombre</translation>
    </message>
    <message>
        <source>Server &amp;URL</source>
        <translation>&amp;URL del servidor</translation>
    </message>
    <message>
        <source>U&amp;ser name</source>
        <translation>Nombre de &amp;usuario</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>Con&amp;traseña</translation>
    </message>
    <message>
        <source>Sync &amp;every</source>
        <translation>Sincronizar &amp;cada</translation>
    </message>
    <message>
        <source>No secure password storage on this computer: the password is only used to connect now and will be asked at each sync.</source>
        <translation>Este ordenador no tiene un almacén seguro de contraseñas: la contraseña solo se usa para conectar ahora y se pedirá en cada sincronización.</translation>
    </message>
    <message>
        <source>The password is kept in {0}, nowhere else.</source>
        <translation>La contraseña se guarda en {0} y en ningún otro sitio.</translation>
    </message>
    <message>
        <source>Warning: http:// sends your password unencrypted to {0}. Use https:// unless this server is on a network you trust.</source>
        <translation>Atención: http:// envía tu contraseña sin cifrar a {0}. Usa https:// salvo que el servidor esté en una red de confianza.</translation>
    </message>
    <message>
        <source>an address book</source>
        <translation>una libreta de direcciones</translation>
    </message>
    <message>
        <source>a task calendar</source>
        <translation>un calendario de tareas</translation>
    </message>
    <message>
        <source>C&amp;reate {0} on the server</source>
        <translation>C&amp;rear {0} en el servidor</translation>
    </message>
    <message>
        <source> and </source>
        <translation> y </translation>
    </message>
    <message>
        <source>none found</source>
        <translation>no se encontró ninguno</translation>
    </message>
    <message>
        <source>Address book: {0}</source>
        <translation>Libreta de direcciones: {0}</translation>
    </message>
    <message>
        <source>Task calendar: {0}</source>
        <translation>Calendario de tareas: {0}</translation>
    </message>
    <message>
        <source>The server does not say where an address book may be made.</source>
        <translation>El servidor no indica dónde se puede crear una libreta de direcciones.</translation>
    </message>
    <message>
        <source>The server does not say where a task calendar may be made.</source>
        <translation>El servidor no indica dónde se puede crear un calendario de tareas.</translation>
    </message>
    <message>
        <source>Password: type the password to connect.</source>
        <translation>Contraseña: escribe la contraseña para conectar.</translation>
    </message>
    <message>
        <source>Password: {0}</source>
        <translation>Contraseña: {0}</translation>
    </message>
    <message>
        <source>Password: the keyring stayed locked; type the password.</source>
        <translation>Contraseña: el llavero sigue bloqueado; escribe la contraseña.</translation>
    </message>
    <message>
        <source>Password: none is saved for this account; type it to connect.</source>
        <translation>Contraseña: no hay ninguna guardada para esta cuenta; escríbala para conectar.</translation>
    </message>
    <message>
        <source>The keyring is locked, so netdesk cannot read the saved password.</source>
        <translation>El llavero está bloqueado, así que netdesk no puede leer la contraseña guardada.</translation>
    </message>
    <message>
        <source>The keyring is locked, so netdesk cannot save the password.</source>
        <translation>El llavero está bloqueado, así que netdesk no puede guardar la contraseña.</translation>
    </message>
    <message>
        <source>Unlock it (your desktop may ask for your login password, or use its keyring app), then choose Retry.</source>
        <translation>Desbloquéalo (el escritorio puede pedirte tu contraseña de inicio de sesión, o usa tu aplicación de llavero) y elige Reintentar.</translation>
    </message>
    <message>
        <source>Server URL: {0}</source>
        <translation>URL del servidor: {0}</translation>
    </message>
    <message>
        <source>Connecting to {0}…</source>
        <translation>Conectando con {0}…</translation>
    </message>
    <message>
        <source>Creating on {0}…</source>
        <translation>Creando en {0}…</translation>
    </message>
    <message>
        <source>Could not connect: {0}</source>
        <translation>No se pudo conectar: {0}</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>Detenido.</translation>
    </message>
    <message>
        <source>Name: give the account a name, e.g. home.</source>
        <translation>Nombre: dé un nombre a la cuenta, p. ej. casa.</translation>
    </message>
    <message>
        <source>Name: there is already a sync account named {0}.</source>
        <translation>Nombre: ya hay una cuenta de sincronización llamada {0}.</translation>
    </message>
    <message>
        <source>User name: the server needs one.</source>
        <translation>Nombre de usuario: el servidor lo necesita.</translation>
    </message>
    <message>
        <source>Connect first, so netdesk can find the address book.</source>
        <translation>Conecte primero, para que netdesk encuentre la libreta de direcciones.</translation>
    </message>
    <message>
        <source>Could not save the account: {0}</source>
        <translation>No se pudo guardar la cuenta: {0}</translation>
    </message>
    <message>
        <source>Password: not saved, the keyring stayed locked.</source>
        <translation>Contraseña: no guardada, el llavero sigue bloqueado.</translation>
    </message>
</context>
<context>
    <name>AccountsModel</name>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Servidor</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <source>Syncs</source>
        <translation>Sincroniza</translation>
    </message>
    <message>
        <source>Last sync</source>
        <translation>Última sincronización</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Último error</translation>
    </message>
    <message>
        <source>on demand</source>
        <translation>a petición</translation>
    </message>
    <message>
        <source>every {0} min</source>
        <translation>cada {0} min</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nunca</translation>
    </message>
</context>
<context>
    <name>AccountsSettings</name>
    <message>
        <source>netdesk syncs your contacts with an address book (CardDAV) and publishes follow-ups as tasks (CalDAV) on a server you use, such as Radicale or Nextcloud.</source>
        <translation>netdesk sincroniza tus contactos con una libreta de direcciones (CardDAV) y publica los seguimientos como tareas (CalDAV) en un servidor que ya uses, como Radicale o Nextcloud.</translation>
    </message>
    <message>
        <source>Sync accounts</source>
        <translation>Cuentas de sincronización</translation>
    </message>
    <message>
        <source>&amp;Add account…</source>
        <translation>&amp;Añadir cuenta…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Editar…</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>&amp;Quitar</translation>
    </message>
    <message>
        <source>Passwords are kept in {0}, nowhere else.</source>
        <translation>Las contraseñas se guardan en {0} y en ningún otro sitio.</translation>
    </message>
    <message>
        <source>No secure password storage (keyring) on this computer: passwords are not saved, and will be asked at each sync.</source>
        <translation>Este ordenador no tiene un almacén seguro de contraseñas (llavero): no se guardan y se pedirán en cada sincronización.</translation>
    </message>
    <message>
        <source>The sync account {0} no longer exists.</source>
        <translation>La cuenta de sincronización {0} ya no existe.</translation>
    </message>
    <message>
        <source>Saved the sync account {0}.</source>
        <translation>Cuenta de sincronización {0} guardada.</translation>
    </message>
    <message>
        <source>Remove sync account</source>
        <translation>Quitar cuenta de sincronización</translation>
    </message>
    <message>
        <source>Remove the sync account {0}? Its saved password is deleted from the keyring. Your contacts stay on this computer, and the address book stays on the server.</source>
        <translation>¿Quitar la cuenta de sincronización {0}? Su contraseña guardada se borra del llavero. Tus contactos siguen en este ordenador y la libreta de direcciones sigue en el servidor.</translation>
    </message>
    <message>
        <source>Removed the sync account {0}.</source>
        <translation>Cuenta de sincronización {0} quitada.</translation>
    </message>
    <message>
        <source>The keyring is locked, so netdesk cannot delete the password of {0}. Unlock it (your desktop may ask for your login password), then choose Retry.</source>
        <translation>El llavero está bloqueado, así que netdesk no puede borrar la contraseña de {0}. Desbloquéalo (el escritorio puede pedirte tu contraseña de inicio de sesión) y elige Reintentar.</translation>
    </message>
    <message>
        <source>Its password could not be deleted from the keyring: {0}</source>
        <translation>No se pudo borrar su contraseña del llavero: {0}</translation>
    </message>
    <message>
        <source>Its password is still in the keyring (it stayed locked): delete the entry netdesk / {0} with your keyring app.</source>
        <translation>Su contraseña sigue en el llavero (siguió bloqueado): borra la entrada netdesk / {0} con tu aplicación de llavero.</translation>
    </message>
    <message>
        <source>A&amp;ccounts</source>
        <translation>C&amp;uentas</translation>
    </message>
</context>
<context>
    <name>BarChart</name>
    <message>
        <source>No data</source>
        <translation>Sin datos</translation>
    </message>
    <message>
        <source>Nothing to show yet</source>
        <translation>Aún no hay nada que mostrar</translation>
    </message>
</context>
<context>
    <name>CalendarPickDialog</name>
    <message>
        <source>Calendars of {0}</source>
        <translation>Calendarios de {0}</translation>
    </message>
    <message>
        <source>Asking the server for its calendars…</source>
        <translation>Pidiendo al servidor sus calendarios…</translation>
    </message>
    <message>
        <source>Calendars whose meetings are read</source>
        <translation>Calendarios cuyas reuniones se leen</translation>
    </message>
    <message>
        <source>Tick the calendars whose meetings netdesk reads.</source>
        <translation>Marca los calendarios cuyas reuniones lee netdesk.</translation>
    </message>
    <message>
        <source>The server has no calendar with events for this account.</source>
        <translation>El servidor no tiene ningún calendario con eventos para esta cuenta.</translation>
    </message>
</context>
<context>
    <name>CaptureSettings</name>
    <message>
        <source>Card &amp;photos</source>
        <translation>Fotos de &amp;tarjetas</translation>
    </message>
    <message>
        <source>none: photos only when you import them</source>
        <translation>ninguna: las fotos solo al importarlas</translation>
    </message>
    <message>
        <source>Watched folder for card photos</source>
        <translation>Carpeta vigilada de fotos de tarjetas</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>&amp;Elegir…</translation>
    </message>
    <message>
        <source>&amp;Watched folder</source>
        <translation>Carpeta &amp;vigilada</translation>
    </message>
    <message>
        <source>Photos your phone syncs into this folder (Syncthing, Nextcloud, a USB copy) are read once each, on this computer: QR codes become contacts, paper cards wait for your review. Nothing is uploaded.</source>
        <translation>Las fotos que tu móvil sincroniza en esta carpeta (Syncthing, Nextcloud, una copia por USB) se leen una vez cada una, en este ordenador: los códigos QR pasan a ser contactos y las tarjetas de papel esperan tu revisión. No se sube nada.</translation>
    </message>
    <message>
        <source>Paper cards: {0}</source>
        <translation>Tarjetas de papel: {0}</translation>
    </message>
    <message>
        <source>Paper cards: OCR is ready.</source>
        <translation>Tarjetas de papel: el OCR está listo.</translation>
    </message>
    <message>
        <source>{0} is not a folder yet; netdesk will look again.</source>
        <translation>{0} aún no es una carpeta; netdesk volverá a mirar.</translation>
    </message>
</context>
<context>
    <name>CardCapture</name>
    <message>
        <source>Confirm card of {0}</source>
        <translation>Confirmar la tarjeta de {0}</translation>
    </message>
    <message>
        <source>Reject card of {0}</source>
        <translation>Descartar la tarjeta de {0}</translation>
    </message>
    <message>
        <source>Read photos from the watched folder</source>
        <translation>Leer las fotos de la carpeta vigilada</translation>
    </message>
    <message>
        <source>&amp;Review cards from photos…</source>
        <translation>&amp;Revisar tarjetas de fotos…</translation>
    </message>
    <message>
        <source>Import card photo from clip&amp;board</source>
        <translation>Importar foto de tarjeta del &amp;portapapeles</translation>
    </message>
    <message>
        <source>Review cards read from photos</source>
        <translation>Revisar las tarjetas leídas de fotos</translation>
    </message>
    <message numerus="yes">
        <source>%n card(s) to review</source>
        <translation>
            <numerusform>%n tarjeta por revisar</numerusform>
            <numerusform>%n tarjetas por revisar</numerusform>
        </translation>
    </message>
    <message>
        <source>No cards are waiting for review.</source>
        <translation>No hay tarjetas pendientes de revisar.</translation>
    </message>
    <message>
        <source>Import card photo from clipboard</source>
        <translation>Importar foto de tarjeta del portapapeles</translation>
    </message>
    <message>
        <source>The clipboard holds no image. Copy a screenshot or a photo of the card first.</source>
        <translation>El portapapeles no contiene ninguna imagen. Copia antes una captura o una foto de la tarjeta.</translation>
    </message>
    <message numerus="yes">
        <source>Read %n photo(s) from {0}: {1} new, {2} rejected; Ctrl+Z undoes.</source>
        <translation>
            <numerusform>Leída %n foto de {0}: {1} nuevos, {2} rechazados; Ctrl+Z lo deshace.</numerusform>
            <numerusform>Leídas %n fotos de {0}: {1} nuevos, {2} rechazados; Ctrl+Z lo deshace.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CardReviewDialog</name>
    <message>
        <source>Photo of the card</source>
        <translation>Foto de la tarjeta</translation>
    </message>
    <message>
        <source>Fields marked in yellow were hard to read: check them.</source>
        <translation>Los campos en amarillo se leyeron con dificultad: revísalos.</translation>
    </message>
    <message>
        <source>&amp;Accept</source>
        <translation>&amp;Aceptar</translation>
    </message>
    <message>
        <source>Save this contact (Ctrl+Return)</source>
        <translation>Guardar este contacto (Ctrl+Intro)</translation>
    </message>
    <message>
        <source>&amp;Reject</source>
        <translation>&amp;Descartar</translation>
    </message>
    <message>
        <source>Delete this contact (Ctrl+Delete); Ctrl+Z undoes</source>
        <translation>Eliminar este contacto (Ctrl+Supr); Ctrl+Z lo deshace</translation>
    </message>
    <message>
        <source>S&amp;kip</source>
        <translation>&amp;Omitir</translation>
    </message>
    <message>
        <source>Leave it for later (Ctrl+Right)</source>
        <translation>Dejarla para más tarde (Ctrl+Derecha)</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Cerrar</translation>
    </message>
    <message>
        <source>Review cards read from photos</source>
        <translation>Revisar las tarjetas leídas de fotos</translation>
    </message>
    <message>
        <source>No image was kept for this card.</source>
        <translation>No se guardó ninguna imagen de esta tarjeta.</translation>
    </message>
    <message>
        <source>Card {0} of {1} · {2}</source>
        <translation>Tarjeta {0} de {1} · {2}</translation>
    </message>
    <message>
        <source>Read: {0}</source>
        <translation>Leído: {0}</translation>
    </message>
    <message>
        <source>Hard to read: check this field</source>
        <translation>Difícil de leer: revisa este campo</translation>
    </message>
</context>
<context>
    <name>ComposeDialog</name>
    <message>
        <source>Compose</source>
        <translation>Redactar</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>&amp;Para</translation>
    </message>
    <message>
        <source>&amp;Subject</source>
        <translation>&amp;Asunto</translation>
    </message>
    <message>
        <source>Open in &amp;mail program</source>
        <translation>Abrir en el programa de &amp;correo</translation>
    </message>
    <message>
        <source>&amp;Copy text</source>
        <translation>Co&amp;piar texto</translation>
    </message>
    <message>
        <source>No mail program is set up to send it, so the message was copied: paste it into your webmail or mail program.</source>
        <translation>No hay ningún programa de correo configurado para enviarlo, así que se ha copiado el mensaje: pégalo en tu correo web o tu programa de correo.</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Resolve sync conflicts</source>
        <translation>Resolver conflictos de sincronización</translation>
    </message>
    <message>
        <source>No sync conflicts. When a contact changes both on this computer and on the server before a sync, both versions wait here for you to choose.</source>
        <translation>No hay conflictos de sincronización. Cuando un contacto cambia en este ordenador y en el servidor antes de sincronizar, las dos versiones esperan aquí a que elijas.</translation>
    </message>
    <message>
        <source>Contacts changed on both sides</source>
        <translation>Contactos cambiados en los dos lados</translation>
    </message>
    <message>
        <source>Con&amp;flicts:</source>
        <translation>Con&amp;flictos:</translation>
    </message>
    <message>
        <source>Keep all from this &amp;computer</source>
        <translation>Conservar todo de este &amp;ordenador</translation>
    </message>
    <message>
        <source>Keep all from &amp;server</source>
        <translation>Conservar todo del &amp;servidor</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>&amp;Aplicar</translation>
    </message>
    <message>
        <source>{0} — {1}</source>
        <translation>{0} — {1}</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Prefix</source>
        <translation>Tratamiento</translation>
    </message>
    <message>
        <source>Given name</source>
        <translation>Nombre de pila</translation>
    </message>
    <message>
        <source>Middle names</source>
        <translation>Segundos nombres</translation>
    </message>
    <message>
        <source>Family name</source>
        <translation>Apellidos</translation>
    </message>
    <message>
        <source>Suffix</source>
        <translation>Sufijo</translation>
    </message>
    <message>
        <source>Nickname</source>
        <translation>Apodo</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organización</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Departamento</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>Cargo</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Función</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>Cumpleaños</translation>
    </message>
    <message>
        <source>E-mails</source>
        <translation>Correos electrónicos</translation>
    </message>
    <message>
        <source>Phones</source>
        <translation>Teléfonos</translation>
    </message>
    <message>
        <source>Addresses</source>
        <translation>Direcciones</translation>
    </message>
    <message>
        <source>Web addresses</source>
        <translation>Direcciones web</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Etiquetas</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>Foto</translation>
    </message>
    <message numerus="yes">
        <source>%n field(s) of {0} changed differently on this computer and on the server. Choose which version to keep for each; rows marked ≠ differ.</source>
        <translation>
            <numerusform>%n campo de {0} cambió de forma distinta en este ordenador y en el servidor. Elige qué versión conservar; las filas marcadas con ≠ difieren.</numerusform>
            <numerusform>%n campos de {0} cambiaron de forma distinta en este ordenador y en el servidor. Elige qué versión conservar en cada uno; las filas marcadas con ≠ difieren.</numerusform>
        </translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Campo</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>Este ordenador</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Servidor</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Conservar</translation>
    </message>
    <message>
        <source>Different on the two sides</source>
        <translation>Distinto en los dos lados</translation>
    </message>
    <message>
        <source>Same</source>
        <translation>Igual</translation>
    </message>
    <message>
        <source>Keep {0} from this computer</source>
        <translation>Conservar {0} de este ordenador</translation>
    </message>
    <message>
        <source>Keep {0} from the server</source>
        <translation>Conservar {0} del servidor</translation>
    </message>
    <message>
        <source>Both</source>
        <translation>Ambos</translation>
    </message>
    <message>
        <source>Keep {0} from both</source>
        <translation>Conservar {0} de ambos</translation>
    </message>
    <message>
        <source>That conflict was already resolved.</source>
        <translation>Ese conflicto ya estaba resuelto.</translation>
    </message>
    <message>
        <source>A sync brought a newer version from the server meanwhile: it is shown now. Please choose again.</source>
        <translation>Entretanto una sincronización trajo una versión más reciente del servidor: ahora se muestra. Vuelve a elegir, por favor.</translation>
    </message>
    <message>
        <source>Nothing was changed: {0}</source>
        <translation>No se cambió nada: {0}</translation>
    </message>
    <message>
        <source>Kept your choice for {0} on this computer; it goes to the server at the next sync. Ctrl+Z in the main window brings the conflict back.</source>
        <translation>Se guardó tu elección para {0} en este ordenador; irá al servidor en la próxima sincronización. Ctrl+Z en la ventana principal devuelve el conflicto.</translation>
    </message>
    <message>
        <source>Resolve sync conflict of {0}</source>
        <translation>Resolver el conflicto de sincronización de {0}</translation>
    </message>
    <message>
        <source>Could not change the contact: {0}</source>
        <translation>No se pudo cambiar el contacto: {0}</translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <source>Edit contact</source>
        <translation>Editar contacto</translation>
    </message>
    <message>
        <source>New contact</source>
        <translation>Nuevo contacto</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nombre completo</translation>
    </message>
    <message>
        <source>Ana García</source>
        <translation>Ana García</translation>
    </message>
    <message>
        <source>&amp;Given name</source>
        <translation>Nombre de pi&amp;la</translation>
    </message>
    <message>
        <source>&amp;Family name</source>
        <translation>&amp;Apellidos</translation>
    </message>
    <message>
        <source>&amp;Organisation</source>
        <translation>&amp;Organización</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>Car&amp;go</translation>
    </message>
    <message>
        <source>&amp;E-mails</source>
        <translation>&amp;Correos electrónicos</translation>
    </message>
    <message>
        <source>one per line: ana@example.com</source>
        <translation>uno por línea: ana@example.com</translation>
    </message>
    <message>
        <source>&amp;Phones</source>
        <translation>&amp;Teléfonos</translation>
    </message>
    <message>
        <source>one per line</source>
        <translation>uno por línea</translation>
    </message>
    <message>
        <source>St&amp;reet</source>
        <translation>&amp;Dirección</translation>
    </message>
    <message>
        <source>&amp;City</source>
        <translation>C&amp;iudad</translation>
    </message>
    <message>
        <source>Co&amp;untry</source>
        <translation>&amp;País</translation>
    </message>
    <message>
        <source>&amp;Birthday</source>
        <translation>C&amp;umpleaños</translation>
    </message>
    <message>
        <source>1980-03-22 or --03-22</source>
        <translation>1980-03-22 o --03-22</translation>
    </message>
    <message>
        <source>T&amp;ags</source>
        <translation>&amp;Etiquetas</translation>
    </message>
    <message>
        <source>comma separated</source>
        <translation>separadas por comas</translation>
    </message>
    <message>
        <source>N&amp;ote</source>
        <translation>Nota&amp;s</translation>
    </message>
    <message>
        <source>No reminder</source>
        <translation>Sin recordatorio</translation>
    </message>
    <message>
        <source>Tier {0} — every {1} days</source>
        <translation>Nivel {0} — cada {1} días</translation>
    </message>
    <message>
        <source>Every… (days of its own)</source>
        <translation>Cada… (días propios)</translation>
    </message>
    <message>
        <source> days</source>
        <translation> días</translation>
    </message>
    <message>
        <source>Keep in touch every so many days</source>
        <translation>Mantener el contacto cada tantos días</translation>
    </message>
    <message>
        <source>&amp;Keep in touch</source>
        <translation>&amp;Mantener el contacto</translation>
    </message>
</context>
<context>
    <name>ContactTableModel</name>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organización</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Cargo</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>Last touch</source>
        <translation>Último contacto</translation>
    </message>
    <message>
        <source>Next follow-up</source>
        <translation>Próximo seguimiento</translation>
    </message>
    <message>
        <source>Strength</source>
        <translation>Fuerza</translation>
    </message>
    <message>
        <source>Relationship strength 0-100, from mails, meetings and follow-ups; the contact&apos;s details show why.</source>
        <translation>Fuerza de la relación de 0 a 100, según correos, reuniones y seguimientos; los datos del contacto muestran por qué.</translation>
    </message>
</context>
<context>
    <name>Counted</name>
    <message numerus="yes">
        <source>Delete %n contact(s)</source>
        <translation>
            <numerusform>Eliminar %n contacto</numerusform>
            <numerusform>Eliminar %n contactos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Merge %n duplicate contact(s)</source>
        <translation>
            <numerusform>Fusionar %n contacto duplicado</numerusform>
            <numerusform>Fusionar %n contactos duplicados</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Merged %n duplicate contact(s). Press Ctrl+Z to undo.</source>
        <translation>
            <numerusform>Se ha fusionado %n contacto duplicado. Pulsa Ctrl+Z para deshacerlo.</numerusform>
            <numerusform>Se han fusionado %n contactos duplicados. Pulsa Ctrl+Z para deshacerlo.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CsvMappingDialog</name>
    <message>
        <source>Which column is what?</source>
        <translation>¿Qué contiene cada columna?</translation>
    </message>
    <message>
        <source>netdesk does not know the columns of {0} (separated by “{1}”, {2}). Say what each column holds; columns set to “ignore” are skipped.</source>
        <translation>netdesk no conoce las columnas de {0} (separadas por «{1}», {2}). Indica qué contiene cada columna; las marcadas como «ignore» se omiten.</translation>
    </message>
    <message>
        <source>Columns of the file</source>
        <translation>Columnas del archivo</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Columna</translation>
    </message>
    <message>
        <source>First value</source>
        <translation>Primer valor</translation>
    </message>
    <message>
        <source>Means</source>
        <translation>Significa</translation>
    </message>
    <message>
        <source>Meaning of column {0}</source>
        <translation>Significado de la columna {0}</translation>
    </message>
    <message>
        <source>Choose what at least one column holds.</source>
        <translation>Indica qué contiene al menos una columna.</translation>
    </message>
</context>
<context>
    <name>DashboardChoice</name>
    <message>
        <source>Period</source>
        <translation>Periodo</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>Este año</translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>Últimos 12 meses</translation>
    </message>
    <message>
        <source>All time</source>
        <translation>Desde siempre</translation>
    </message>
    <message>
        <source>Custom range</source>
        <translation>Intervalo personalizado</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Hasta</translation>
    </message>
    <message>
        <source>Organiser</source>
        <translation>Organizador</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>&amp;Periodo:</translation>
    </message>
    <message>
        <source>Fro&amp;m:</source>
        <translation>&amp;Desde:</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>Hasta:</translation>
    </message>
    <message>
        <source>Or&amp;ganiser:</source>
        <translation>Or&amp;ganizador:</translation>
    </message>
    <message>
        <source>“From” is after “To”: choose a From date on or before the To date to see the figures.</source>
        <translation>«Desde» es posterior a «Hasta»: elige una fecha Desde igual o anterior a Hasta para ver las cifras.</translation>
    </message>
    <message>
        <source>All organisers</source>
        <translation>Todos los organizadores</translation>
    </message>
    <message>
        <source>No organiser (one-off events)</source>
        <translation>Sin organizador (eventos sueltos)</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>&amp;Save report…</source>
        <translation>&amp;Guardar informe…</translation>
    </message>
    <message>
        <source>P&amp;rint report…</source>
        <translation>&amp;Imprimir informe…</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Eventos</translation>
    </message>
    <message>
        <source>Money spent</source>
        <translation>Dinero gastado</translation>
    </message>
    <message>
        <source>Hours (valued at your rate)</source>
        <translation>Horas (valoradas a tu tarifa)</translation>
    </message>
    <message>
        <source>Full cost</source>
        <translation>Coste total</translation>
    </message>
    <message>
        <source>Contacts met</source>
        <translation>Contactos conocidos</translation>
    </message>
    <message>
        <source>Follow-ups done</source>
        <translation>Seguimientos hechos</translation>
    </message>
    <message>
        <source>Meetings held</source>
        <translation>Reuniones celebradas</translation>
    </message>
    <message>
        <source>Referrals given</source>
        <translation>Recomendaciones dadas</translation>
    </message>
    <message>
        <source>Referrals received</source>
        <translation>Recomendaciones recibidas</translation>
    </message>
    <message>
        <source>Won business</source>
        <translation>Negocio ganado</translation>
    </message>
    <message>
        <source>Return (won ÷ full cost)</source>
        <translation>Retorno (ganado ÷ coste total)</translation>
    </message>
    <message>
        <source>Cost per meeting</source>
        <translation>Coste por reunión</translation>
    </message>
    <message>
        <source>Cost per referral received</source>
        <translation>Coste por recomendación recibida</translation>
    </message>
    <message>
        <source>Events, best return first</source>
        <translation>Eventos, el de mejor retorno primero</translation>
    </message>
    <message>
        <source>Return by event (won value ÷ full cost)</source>
        <translation>Retorno por evento (valor ganado ÷ coste total)</translation>
    </message>
    <message>
        <source>Give / connect / ask by month</source>
        <translation>Dar / conectar / pedir por mes</translation>
    </message>
    <message>
        <source>Referrals given and received by month</source>
        <translation>Recomendaciones dadas y recibidas por mes</translation>
    </message>
    <message>
        <source>Events, best return first (click a heading to sort)</source>
        <translation>Eventos, el de mejor retorno primero (pulsa un encabezado para ordenar)</translation>
    </message>
    <message>
        <source>Print report</source>
        <translation>Imprimir informe</translation>
    </message>
    <message>
        <source>Report not printed</source>
        <translation>Informe no impreso</translation>
    </message>
    <message>
        <source>Report sent to the printer</source>
        <translation>Informe enviado a la impresora</translation>
    </message>
    <message>
        <source>&amp;Print report…</source>
        <translation>Im&amp;primir informe…</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>Retorno</translation>
    </message>
    <message>
        <source>Give</source>
        <translation>Dar</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Conectar</translation>
    </message>
    <message>
        <source>Ask</source>
        <translation>Pedir</translation>
    </message>
    <message>
        <source>Given</source>
        <translation>Dadas</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Recibidas</translation>
    </message>
    <message>
        <source>{0} h, worth {1}</source>
        <translation>{0} h, valoradas en {1}</translation>
    </message>
    <message>
        <source>{0} of {1}</source>
        <translation>{0} de {1}</translation>
    </message>
    <message>
        <source>Save report</source>
        <translation>Guardar informe</translation>
    </message>
    <message>
        <source>PDF (*.pdf);;Web page (*.html)</source>
        <translation>PDF (*.pdf);;Página web (*.html)</translation>
    </message>
    <message>
        <source>Report not saved</source>
        <translation>No se guardó el informe</translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <source>Report saved to {0}</source>
        <translation>Informe guardado en {0}</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Panel</translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <source>Contact details and timeline</source>
        <translation>Datos del contacto e historial</translation>
    </message>
    <message>
        <source>Photo of the business card</source>
        <translation>Foto de la tarjeta de visita</translation>
    </message>
    <message>
        <source>You&apos;re selling, not networking: most of your recent touchpoints with {0} are asks. Give or connect next.</source>
        <translation>Estás vendiendo, no haciendo networking: la mayoría de tus últimos contactos con {0} son peticiones. Lo siguiente, da o conecta.</translation>
    </message>
    <message>
        <source>Referrals: you gave {0} · they gave you {1}</source>
        <translation>Recomendaciones: le diste {0} · te dio {1}</translation>
    </message>
    <message>
        <source>Relationship strength: {0} / 100</source>
        <translation>Fuerza de la relación: {0} / 100</translation>
    </message>
    <message>
        <source>why: last touch {0} of 40 · how often {1} of 25 · both ways {2} of 15 · meetings {3} of 20</source>
        <translation>por qué: último contacto {0} de 40 · frecuencia {1} de 25 · en ambos sentidos {2} de 15 · reuniones {3} de 20</translation>
    </message>
    <message>
        <source>In the last year: {0} touches, {1} sent or given, {2} received, {3} meetings.</source>
        <translation>En el último año: {0} contactos, {1} enviados o dados, {2} recibidos, {3} reuniones.</translation>
    </message>
    <message>
        <source>Keep in touch: tier {0}, every {1} days</source>
        <translation>Mantener el contacto: nivel {0}, cada {1} días</translation>
    </message>
    <message>
        <source>Keep in touch: every {0} days</source>
        <translation>Mantener el contacto: cada {0} días</translation>
    </message>
    <message>
        <source>next by {0}</source>
        <translation>próximo antes del {0}</translation>
    </message>
    <message>
        <source>Read from the photo {0}</source>
        <translation>Leída de la foto {0}</translation>
    </message>
    <message>
        <source>No contact selected</source>
        <translation>Ningún contacto seleccionado</translation>
    </message>
    <message>
        <source>Select a contact to see their details and timeline.</source>
        <translation>Selecciona un contacto para ver sus datos y su historial.</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>Web</source>
        <translation>Web</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>Cumpleaños</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Etiquetas</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Historial</translation>
    </message>
    <message>
        <source>Nothing here yet.</source>
        <translation>Todavía no hay nada aquí.</translation>
    </message>
    <message>
        <source>Thank you</source>
        <translation>Agradecimiento</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Reunión</translation>
    </message>
    <message>
        <source>Share content</source>
        <translation>Compartir contenido</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Llamada</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>Móvil</translation>
    </message>
    <message>
        <source>Work</source>
        <translation>Trabajo</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>Casa</translation>
    </message>
    <message>
        <source>Met at {0}</source>
        <translation>Conocido en {0}</translation>
    </message>
    <message>
        <source>done</source>
        <translation>hecho</translation>
    </message>
    <message>
        <source>planned</source>
        <translation>previsto</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>omitido</translation>
    </message>
    <message>
        <source>marked done by the e-mail “{0}” ({1})</source>
        <translation>marcado como hecho por el correo «{0}» ({1})</translation>
    </message>
    <message>
        <source>marked done by the meeting “{0}” ({1})</source>
        <translation>marcado como hecho por la reunión «{0}» ({1})</translation>
    </message>
    <message>
        <source>E-mail sent</source>
        <translation>Correo enviado</translation>
    </message>
    <message>
        <source>E-mail received</source>
        <translation>Correo recibido</translation>
    </message>
    <message>
        <source>Meeting held</source>
        <translation>Reunión celebrada</translation>
    </message>
</context>
<context>
    <name>DoneDialog</name>
    <message>
        <source>Done: {0}</source>
        <translation>Hecho: {0}</translation>
    </message>
    <message>
        <source>What happened? (optional)</source>
        <translation>¿Qué pasó? (opcional)</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Fecha</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>&amp;Nota</translation>
    </message>
    <message>
        <source>&amp;Plan the next step:</source>
        <translation>&amp;Planificar el siguiente paso:</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>Siguiente paso</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Reunión</translation>
    </message>
    <message>
        <source>Share content</source>
        <translation>Compartir contenido</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Llamada</translation>
    </message>
    <message>
        <source>Thank-you</source>
        <translation>Agradecimiento</translation>
    </message>
    <message>
        <source>Days until the next step</source>
        <translation>Días hasta el siguiente paso</translation>
    </message>
    <message>
        <source> days</source>
        <translation> días</translation>
    </message>
</context>
<context>
    <name>DuplicatesDialog</name>
    <message>
        <source>Find and merge duplicates</source>
        <translation>Buscar y fusionar duplicados</translation>
    </message>
    <message>
        <source>Looking for duplicates…</source>
        <translation>Buscando duplicados…</translation>
    </message>
    <message>
        <source>Groups of duplicates</source>
        <translation>Grupos de duplicados</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organización</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Cargo</translation>
    </message>
    <message>
        <source>E-mails</source>
        <translation>Correos electrónicos</translation>
    </message>
    <message>
        <source>Phones</source>
        <translation>Teléfonos</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Etiquetas</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Añadido</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Check &amp;sure ones</source>
        <translation>Marcar los &amp;seguros</translation>
    </message>
    <message>
        <source>Check &amp;none</source>
        <translation>&amp;No marcar ninguno</translation>
    </message>
    <message>
        <source>&amp;Merge checked</source>
        <translation>&amp;Fusionar los marcados</translation>
    </message>
    <message>
        <source>Checked groups become one contact each, keeping every e-mail, phone, address, note, tag, follow-up, event and referral. Double-click a contact to keep it instead. Undo with Ctrl+Z.</source>
        <translation>Cada grupo marcado pasa a ser un solo contacto y conserva todos los correos, teléfonos, direcciones, notas, etiquetas, seguimientos, eventos y recomendaciones. Haz doble clic en un contacto para conservar ese. Ctrl+Z lo deshace.</translation>
    </message>
    <message>
        <source>Comparing e-mails and phones…</source>
        <translation>Comparando correos y teléfonos…</translation>
    </message>
    <message>
        <source>Comparing names within each organisation…</source>
        <translation>Comparando nombres dentro de cada organización…</translation>
    </message>
    <message>
        <source>Reading the contacts found…</source>
        <translation>Leyendo los contactos encontrados…</translation>
    </message>
    <message>
        <source>No duplicates found.</source>
        <translation>No se han encontrado duplicados.</translation>
    </message>
    <message numerus="yes">
        <source>%n sure duplicate group(s)</source>
        <translation>
            <numerusform>%n grupo de duplicados seguro</numerusform>
            <numerusform>%n grupos de duplicados seguros</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n suggestion(s) to check</source>
        <translation>
            <numerusform>%n sugerencia por revisar</numerusform>
            <numerusform>%n sugerencias por revisar</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not finish: {0}</source>
        <translation>No se ha podido terminar: {0}</translation>
    </message>
    <message>
        <source>Sure</source>
        <translation>Seguro</translation>
    </message>
    <message>
        <source>Suggestion</source>
        <translation>Sugerencia</translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s)</source>
        <translation>
            <numerusform>%n contacto</numerusform>
            <numerusform>%n contactos</numerusform>
        </translation>
    </message>
    <message>
        <source>{0}  (kept)</source>
        <translation>{0}  (se conserva)</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Merge %n group(s)</source>
        <translation>
            <numerusform>&amp;Fusionar %n grupo</numerusform>
            <numerusform>&amp;Fusionar %n grupos</numerusform>
        </translation>
    </message>
    <message>
        <source>Merging…</source>
        <translation>Fusionando…</translation>
    </message>
    <message>
        <source>Nothing was merged: {0}</source>
        <translation>No se ha fusionado nada: {0}</translation>
    </message>
    <message>
        <source>Merging duplicates…</source>
        <translation>Fusionando duplicados…</translation>
    </message>
    <message>
        <source>Bringing the contacts back…</source>
        <translation>Recuperando los contactos…</translation>
    </message>
</context>
<context>
    <name>DuplicatesView</name>
    <message>
        <source>Find and &amp;merge duplicates…</source>
        <translation>Buscar y &amp;fusionar duplicados…</translation>
    </message>
</context>
<context>
    <name>EmptyState</name>
    <message>
        <source>Welcome to netdesk</source>
        <translation>Te damos la bienvenida a netdesk</translation>
    </message>
    <message>
        <source>Back from an event with a stack of business cards? Import them and netdesk plans the thank-you, the one-to-one and the useful share that turn a contact into a relationship.</source>
        <translation>¿Vuelves de un evento con un montón de tarjetas de visita? Impórtalas y netdesk planifica el agradecimiento, la reunión individual y el contenido útil que convierten un contacto en una relación.</translation>
    </message>
    <message>
        <source>Import business cards…</source>
        <translation>Importar tarjetas de visita…</translation>
    </message>
    <message>
        <source>Add a contact by hand</source>
        <translation>Añadir un contacto a mano</translation>
    </message>
</context>
<context>
    <name>EventDialog</name>
    <message>
        <source>Event</source>
        <translation>Evento</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nombre</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Fecha</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Lugar</translation>
    </message>
    <message>
        <source>&amp;Place</source>
        <translation>&amp;Lugar</translation>
    </message>
    <message>
        <source>Organiser</source>
        <translation>Organizador</translation>
    </message>
    <message>
        <source>&amp;Organiser</source>
        <translation>&amp;Organizador</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Coste</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Moneda</translation>
    </message>
    <message>
        <source>&amp;Cost</source>
        <translation>&amp;Coste</translation>
    </message>
    <message>
        <source>Hours spent, travel included</source>
        <translation>Horas dedicadas, desplazamiento incluido</translation>
    </message>
    <message>
        <source>&amp;Hours (with travel)</source>
        <translation>&amp;Horas (con desplazamiento)</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Etiquetas</translation>
    </message>
    <message>
        <source>comma separated, e.g. breakfast, monthly</source>
        <translation>separadas por comas, p. ej., desayuno, mensual</translation>
    </message>
    <message>
        <source>T&amp;ags</source>
        <translation>&amp;Etiquetas</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>No&amp;tes</source>
        <translation>No&amp;tas</translation>
    </message>
    <message>
        <source>Name: an event needs a name.</source>
        <translation>Nombre: el evento necesita un nombre.</translation>
    </message>
    <message>
        <source>Currency: use a three-letter code such as EUR.</source>
        <translation>Moneda: usa un código de tres letras, como EUR.</translation>
    </message>
</context>
<context>
    <name>EventsPage</name>
    <message>
        <source>Events</source>
        <translation>Eventos</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Evento</translation>
    </message>
    <message>
        <source>Organiser</source>
        <translation>Organizador</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Coste</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Horas</translation>
    </message>
    <message>
        <source>Met</source>
        <translation>Conocidos</translation>
    </message>
    <message>
        <source>Follow-ups done</source>
        <translation>Seguimientos hechos</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>Retorno</translation>
    </message>
    <message>
        <source>No events yet — add one with Ctrl+Shift+N, or import cards and say where you met these people.</source>
        <translation>Aún no hay eventos: añade uno con Ctrl+Mayús+N o importa tarjetas e indica dónde conociste a esas personas.</translation>
    </message>
    <message>
        <source>&amp;New event…</source>
        <translation>&amp;Nuevo evento…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Editar…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Eliminar</translation>
    </message>
    <message>
        <source>Add event</source>
        <translation>Añadir evento</translation>
    </message>
    <message>
        <source>Edit event</source>
        <translation>Editar evento</translation>
    </message>
    <message>
        <source>Delete event</source>
        <translation>Eliminar evento</translation>
    </message>
    <message>
        <source>Event deleted. Press Ctrl+Z to undo.</source>
        <translation>Evento eliminado. Pulsa Ctrl+Z para deshacer.</translation>
    </message>
    <message>
        <source>New &amp;event…</source>
        <translation>Nuevo &amp;evento…</translation>
    </message>
</context>
<context>
    <name>ExportActions</name>
    <message>
        <source>vCard 3.0 (*.vcf)</source>
        <translation>vCard 3.0 (*.vcf)</translation>
    </message>
    <message>
        <source>vCard 4.0 (*.vcf)</source>
        <translation>vCard 4.0 (*.vcf)</translation>
    </message>
    <message>
        <source>CSV spreadsheet (*.csv)</source>
        <translation>Hoja de cálculo CSV (*.csv)</translation>
    </message>
    <message>
        <source>E&amp;xport all contacts…</source>
        <translation>E&amp;xportar todos los contactos…</translation>
    </message>
    <message>
        <source>Export &amp;selected contacts…</source>
        <translation>Exportar los contactos &amp;seleccionados…</translation>
    </message>
    <message>
        <source>Export &amp;follow-ups as a calendar…</source>
        <translation>Exportar los &amp;seguimientos como calendario…</translation>
    </message>
    <message>
        <source>Export follow-ups as a calendar</source>
        <translation>Exportar los seguimientos como calendario</translation>
    </message>
    <message>
        <source>Calendar (*.ics)</source>
        <translation>Calendario (*.ics)</translation>
    </message>
    <message>
        <source>Wrote {0} follow-ups to {1}; open it in your calendar.</source>
        <translation>Seguimientos escritos en {1}: {0}; ábrelo en tu calendario.</translation>
    </message>
    <message numerus="yes">
        <source>Export %n contact(s)</source>
        <translation>
            <numerusform>Exportar %n contacto</numerusform>
            <numerusform>Exportar %n contactos</numerusform>
        </translation>
    </message>
    <message>
        <source>There are no contacts to export.</source>
        <translation>No hay contactos que exportar.</translation>
    </message>
    <message>
        <source>Exporting contacts…</source>
        <translation>Exportando contactos…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Export cancelled.</source>
        <translation>Exportación cancelada.</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n contact(s) to {0}.</source>
        <translation>
            <numerusform>%n contacto exportado a {0}.</numerusform>
            <numerusform>%n contactos exportados a {0}.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>La exportación ha fallado</translation>
    </message>
</context>
<context>
    <name>FadingDialog</name>
    <message>
        <source>Fading relationships</source>
        <translation>Relaciones que se enfrían</translation>
    </message>
    <message>
        <source>You had a real exchange with these people, but the last touch is getting old. Double-click to open one.</source>
        <translation>Con estas personas tuviste un intercambio real, pero el último contacto ya queda lejos. Haz doble clic para abrir una.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Strength</source>
        <translation>Fuerza</translation>
    </message>
    <message>
        <source>Last touch</source>
        <translation>Último contacto</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Por qué</translation>
    </message>
    <message>
        <source>{0} touches, {1} meetings in a year</source>
        <translation>{0} contactos, {1} reuniones en un año</translation>
    </message>
    <message>
        <source>Nobody is fading: every strong relationship was touched lately.</source>
        <translation>Ninguna se enfría: todas las relaciones fuertes han tenido contacto hace poco.</translation>
    </message>
</context>
<context>
    <name>FollowUpActions</name>
    <message>
        <source>Mark &amp;done…</source>
        <translation>Marcar como &amp;hecho…</translation>
    </message>
    <message>
        <source>Snooze &amp;1 day</source>
        <translation>Posponer &amp;1 día</translation>
    </message>
    <message>
        <source>Snooze &amp;3 days</source>
        <translation>Posponer &amp;3 días</translation>
    </message>
    <message>
        <source>Snooze &amp;1 week</source>
        <translation>Posponer una &amp;semana</translation>
    </message>
    <message>
        <source>Snooze &amp;until…</source>
        <translation>Posponer &amp;hasta…</translation>
    </message>
    <message>
        <source>&amp;Reschedule…</source>
        <translation>Cambiar &amp;fecha…</translation>
    </message>
    <message>
        <source>S&amp;kip</source>
        <translation>&amp;Omitir</translation>
    </message>
    <message>
        <source>&amp;Compose message…</source>
        <translation>&amp;Redactar mensaje…</translation>
    </message>
    <message>
        <source>Mark done</source>
        <translation>Marcar como hecho</translation>
    </message>
    <message>
        <source>Snooze</source>
        <translation>Posponer</translation>
    </message>
    <message>
        <source>Snooze until</source>
        <translation>Posponer hasta</translation>
    </message>
    <message>
        <source>Reschedule to</source>
        <translation>Cambiar la fecha a</translation>
    </message>
    <message>
        <source>Reschedule</source>
        <translation>Cambiar fecha</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Omitir</translation>
    </message>
</context>
<context>
    <name>FollowUpsPane</name>
    <message>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>Seguimientos</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Vence</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contacto</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Qué</translation>
    </message>
    <message>
        <source>Thank-you</source>
        <translation>Agradecimiento</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Reunión</translation>
    </message>
    <message>
        <source>Share content</source>
        <translation>Compartir contenido</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Llamada</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Atrasados</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>Esta semana</translation>
    </message>
    <message>
        <source>From {0}</source>
        <translation>De {0}</translation>
    </message>
    <message>
        <source>… and {0} more</source>
        <translation>… y {0} más</translation>
    </message>
    <message>
        <source>Reconnect ({0})</source>
        <translation>Retomar el contacto ({0})</translation>
    </message>
    <message>
        <source>last touch {0}</source>
        <translation>último contacto {0}</translation>
    </message>
    <message>
        <source>never in touch</source>
        <translation>nunca en contacto</translation>
    </message>
    <message>
        <source>Keep in touch every {0} days</source>
        <translation>Mantener el contacto cada {0} días</translation>
    </message>
</context>
<context>
    <name>ImapAccountDialog</name>
    <message>
        <source>Add an IMAP account</source>
        <translation>Añadir una cuenta IMAP</translation>
    </message>
    <message>
        <source>Mail</source>
        <translation>Correo</translation>
    </message>
    <message>
        <source>TLS (port 993)</source>
        <translation>TLS (puerto 993)</translation>
    </message>
    <message>
        <source>STARTTLS (port 143)</source>
        <translation>STARTTLS (puerto 143)</translation>
    </message>
    <message>
        <source>INBOX and Sent are always read; more, with commas</source>
        <translation>INBOX y Enviados se leen siempre; otras, separadas por comas</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nombre</translation>
    </message>
    <message>
        <source>&amp;Server</source>
        <translation>&amp;Servidor</translation>
    </message>
    <message>
        <source>S&amp;ecurity</source>
        <translation>S&amp;eguridad</translation>
    </message>
    <message>
        <source>&amp;Port</source>
        <translation>&amp;Puerto</translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation>&amp;Usuario</translation>
    </message>
    <message>
        <source>Pass&amp;word</source>
        <translation>&amp;Contraseña</translation>
    </message>
    <message>
        <source>More &amp;folders</source>
        <translation>Más &amp;carpetas</translation>
    </message>
    <message>
        <source>name</source>
        <translation>nombre</translation>
    </message>
    <message>
        <source>server</source>
        <translation>servidor</translation>
    </message>
    <message>
        <source>user name</source>
        <translation>usuario</translation>
    </message>
    <message>
        <source>password</source>
        <translation>contraseña</translation>
    </message>
    <message>
        <source>Fill in: {0}.</source>
        <translation>Falta: {0}.</translation>
    </message>
    <message>
        <source>There is already an account with this name.</source>
        <translation>Ya hay una cuenta con este nombre.</translation>
    </message>
    <message>
        <source>Logging in to {0}…</source>
        <translation>Entrando en {0}…</translation>
    </message>
</context>
<context>
    <name>ImportFlow</name>
    <message>
        <source>Import {0} cards</source>
        <translation>Importar {0} tarjetas</translation>
    </message>
    <message>
        <source>Undoing the import…</source>
        <translation>Deshaciendo la importación…</translation>
    </message>
    <message>
        <source>Reading business cards…</source>
        <translation>Leyendo las tarjetas de visita…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>La importación ha fallado</translation>
    </message>
    <message>
        <source>Nothing was imported; your contacts are unchanged.

{0}</source>
        <translation>No se ha importado nada; tus contactos siguen igual.

{0}</translation>
    </message>
    <message>
        <source>Import cancelled; nothing was changed.</source>
        <translation>Importación cancelada; no se ha cambiado nada.</translation>
    </message>
    <message>
        <source>Importing business cards…</source>
        <translation>Importando las tarjetas de visita…</translation>
    </message>
    <message>
        <source>Imported {0} cards: {1} new, {2} merged, {3} rejected, {4} follow-ups planned. Ctrl+Z undoes the import.</source>
        <translation>Tarjetas importadas: {0} ({1} nuevas, {2} fusionadas, {3} rechazadas); seguimientos planificados: {4}. Ctrl+Z deshace la importación.</translation>
    </message>
    <message>
        <source>{0} already in your contacts, with nothing new.</source>
        <translation>{0} ya estaban en tus contactos, sin nada nuevo.</translation>
    </message>
    <message>
        <source>Import business cards</source>
        <translation>Importar tarjetas de visita</translation>
    </message>
    <message>
        <source>Business cards and photos (*.vcf *.vcard *.csv *.jpg *.jpeg *.png *.webp *.heic *.heif);;All files (*)</source>
        <translation>Tarjetas de visita y fotos (*.vcf *.vcard *.csv *.jpg *.jpeg *.png *.webp *.heic *.heif);;Todos los archivos (*)</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <source>Import business cards</source>
        <translation>Importar tarjetas de visita</translation>
    </message>
    <message>
        <source>Where did you meet them?</source>
        <translation>¿Dónde los conociste?</translation>
    </message>
    <message>
        <source>Not at an event</source>
        <translation>No fue en un evento</translation>
    </message>
    <message>
        <source>New event…</source>
        <translation>Evento nuevo…</translation>
    </message>
    <message>
        <source>e.g. Chamber of Commerce breakfast</source>
        <translation>p. ej., desayuno de la Cámara de Comercio</translation>
    </message>
    <message>
        <source> h</source>
        <translation> h</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nombre</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Fecha</translation>
    </message>
    <message>
        <source>&amp;Cost</source>
        <translation>C&amp;oste</translation>
    </message>
    <message>
        <source>C&amp;urrency</source>
        <translation>&amp;Moneda</translation>
    </message>
    <message>
        <source>&amp;Hours, with travel</source>
        <translation>&amp;Horas, con desplazamientos</translation>
    </message>
    <message>
        <source>Cards to import</source>
        <translation>Tarjetas que se van a importar</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Tarjeta</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>What happens</source>
        <translation>Qué pasará</translation>
    </message>
    <message numerus="yes">
        <source>…and %n more new contact(s), not listed one by one.</source>
        <translation>
            <numerusform>…y %n contacto nuevo más, no listado uno a uno.</numerusform>
            <numerusform>…y %n contactos nuevos más, no listados uno a uno.</numerusform>
        </translation>
    </message>
    <message>
        <source>Possible duplicates: choose on each one&apos;s row whether to merge it or keep both (keyboard: M merges, K keeps both).</source>
        <translation>Posibles duplicados: elige en la fila de cada uno si fusionarlo o conservar ambos (teclado: M fusiona, K conserva ambos).</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importar</translation>
    </message>
    <message>
        <source>{0} cards: {1} new, {2} merge into contacts you have, {3} possible duplicates to decide, {4} rejected.</source>
        <translation>Tarjetas: {0}. Nuevas: {1}; se fusionan con contactos que ya tienes: {2}; posibles duplicados por decidir: {3}; rechazadas: {4}.</translation>
    </message>
    <message>
        <source>{0} already in your contacts, with nothing new.</source>
        <translation>{0} ya estaban en tus contactos, sin nada nuevo.</translation>
    </message>
    <message>
        <source>New contact</source>
        <translation>Nuevo contacto</translation>
    </message>
    <message>
        <source>Merges into {0}</source>
        <translation>Se fusiona con {0}</translation>
    </message>
    <message>
        <source>Already in your contacts, nothing new</source>
        <translation>Ya está en tus contactos, nada nuevo</translation>
    </message>
    <message>
        <source>Possible duplicate of {0} ({1})</source>
        <translation>Posible duplicado de {0} ({1})</translation>
    </message>
    <message>
        <source>Rejected: {0}</source>
        <translation>Rechazada: {0}</translation>
    </message>
    <message>
        <source>Keep as a new contact</source>
        <translation>Mantener como contacto nuevo</translation>
    </message>
    <message>
        <source>Merge into {0}</source>
        <translation>Fusionar con {0}</translation>
    </message>
    <message>
        <source>What to do with {0}</source>
        <translation>Qué hacer con {0}</translation>
    </message>
    <message>
        <source>Give the new event a name.</source>
        <translation>Ponle un nombre al evento nuevo.</translation>
    </message>
</context>
<context>
    <name>MailScan</name>
    <message>
        <source>Follow-ups marked done by mails or meetings: {0}</source>
        <translation>Seguimientos marcados como hechos por correos o reuniones: {0}</translation>
    </message>
    <message>
        <source>&amp;Scan mail and calendars now</source>
        <translation>&amp;Leer correo y calendarios ahora</translation>
    </message>
    <message>
        <source>Log mails and meetings with your contacts (headers only, on this computer)</source>
        <translation>Anota los correos y reuniones con tus contactos (solo cabeceras, en este ordenador)</translation>
    </message>
    <message>
        <source>&amp;People you write to…</source>
        <translation>&amp;Personas a las que escribes…</translation>
    </message>
    <message>
        <source>&amp;Fading relationships…</source>
        <translation>Relaciones que se &amp;enfrían…</translation>
    </message>
    <message>
        <source>Scanning mail and calendars</source>
        <translation>Leyendo correo y calendarios</translation>
    </message>
    <message>
        <source>Cancel scan</source>
        <translation>Cancelar lectura</translation>
    </message>
    <message>
        <source>Mail not scanned yet</source>
        <translation>Correo aún sin leer</translation>
    </message>
    <message>
        <source>Mail scanned {0}: {1} logged</source>
        <translation>Correo leído {0}: {1} anotados</translation>
    </message>
    <message>
        <source>, {0} follow-ups done</source>
        <translation>, {0} seguimientos hechos</translation>
    </message>
    <message>
        <source>No mailboxes or calendars yet: add them in Settings → Mail and calendars.</source>
        <translation>Aún no hay buzones ni calendarios: añádelos en Ajustes → Correo y calendarios.</translation>
    </message>
    <message>
        <source>Scan finished: {0} mails and meetings logged, {1} follow-ups done.</source>
        <translation>Lectura terminada: {0} correos y reuniones anotados, {1} seguimientos hechos.</translation>
    </message>
    <message>
        <source>Not read: {0}</source>
        <translation>Sin leer: {0}</translation>
    </message>
    <message>
        <source>The scan stopped: {0}</source>
        <translation>La lectura se detuvo: {0}</translation>
    </message>
    <message>
        <source>Scan cancelled; what it had read is kept and the next scan carries on.</source>
        <translation>Lectura cancelada; lo leído se conserva y la próxima lectura sigue donde se quedó.</translation>
    </message>
</context>
<context>
    <name>MailSettings</name>
    <message>
        <source>&amp;Mail and calendars</source>
        <translation>&amp;Correo y calendarios</translation>
    </message>
    <message>
        <source>Mail and calendars settings</source>
        <translation>Ajustes de correo y calendarios</translation>
    </message>
    <message>
        <source>netdesk reads only the headers of your mail (who, to whom, when, the subject) and the attendees of your meetings, on this computer. Bodies are never read; nothing is uploaded.</source>
        <translation>netdesk lee solo las cabeceras de tu correo (quién, a quién, cuándo, el asunto) y los asistentes de tus reuniones, en este ordenador. Nunca lee el texto de los mensajes; no se sube nada.</translation>
    </message>
    <message>
        <source>Mail accounts, mail folders and calendars</source>
        <translation>Cuentas de correo, carpetas de correo y calendarios</translation>
    </message>
    <message>
        <source>Add &amp;IMAP account…</source>
        <translation>Añadir cuenta &amp;IMAP…</translation>
    </message>
    <message>
        <source>Add mail &amp;folder…</source>
        <translation>Añadir &amp;carpeta de correo…</translation>
    </message>
    <message>
        <source>Add calendar &amp;file…</source>
        <translation>Añadir &amp;archivo de calendario…</translation>
    </message>
    <message>
        <source>Find &amp;Thunderbird profiles</source>
        <translation>Buscar perfiles de &amp;Thunderbird</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Quitar</translation>
    </message>
    <message>
        <source>Sync accounts whose calendars are read</source>
        <translation>Cuentas de sincronización cuyos calendarios se leen</translation>
    </message>
    <message>
        <source>Read the meetings in the calendars of these sync accounts:</source>
        <translation>Leer las reuniones de los calendarios de estas cuentas de sincronización:</translation>
    </message>
    <message>
        <source>Choose ca&amp;lendars…</source>
        <translation>Elegir ca&amp;lendarios…</translation>
    </message>
    <message>
        <source>one address per line: mail from these is mail you sent</source>
        <translation>una dirección por línea: el correo desde ellas es correo que enviaste tú</translation>
    </message>
    <message>
        <source>My e-mail &amp;addresses</source>
        <translation>Mis &amp;direcciones de correo</translation>
    </message>
    <message>
        <source>addresses or domains, one per line</source>
        <translation>direcciones o dominios, uno por línea</translation>
    </message>
    <message>
        <source>&amp;Never log</source>
        <translation>&amp;No anotar nunca</translation>
    </message>
    <message>
        <source>A mail to more people than this is a &amp;bulk send</source>
        <translation>Un correo a más personas que esto es un envío &amp;masivo</translation>
    </message>
    <message>
        <source>A meeting with more people than this is not a &amp;one-to-one</source>
        <translation>Una reunión con más personas que esto no es un &amp;uno a uno</translation>
    </message>
    <message>
        <source> days</source>
        <translation> días</translation>
    </message>
    <message>
        <source>A mail &amp;completes a follow-up due within</source>
        <translation>Un correo &amp;completa un seguimiento que vence en</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>only when I ask</source>
        <translation>solo cuando lo pida</translation>
    </message>
    <message>
        <source>&amp;Scan every</source>
        <translation>&amp;Leer cada</translation>
    </message>
    <message>
        <source>Keep the &amp;subjects of mails and meetings</source>
        <translation>Guardar los &amp;asuntos de correos y reuniones</translation>
    </message>
    <message>
        <source>IMAP account</source>
        <translation>Cuenta IMAP</translation>
    </message>
    <message>
        <source>Mail folder</source>
        <translation>Carpeta de correo</translation>
    </message>
    <message>
        <source>Calendar file</source>
        <translation>Archivo de calendario</translation>
    </message>
    <message>
        <source>last read {0}: {1} logged</source>
        <translation>última lectura {0}: {1} anotados</translation>
    </message>
    <message>
        <source>No mailboxes or calendars yet: add one below.</source>
        <translation>Aún no hay buzones ni calendarios: añade uno abajo.</translation>
    </message>
    <message>
        <source>No sync accounts: add one under Accounts to read its calendars.</source>
        <translation>No hay cuentas de sincronización: añade una en Cuentas para leer sus calendarios.</translation>
    </message>
    <message>
        <source>{0} (calendars: {1})</source>
        <translation>{0} (calendarios: {1})</translation>
    </message>
    <message>
        <source>A mail folder (mbox files or Maildir)</source>
        <translation>Una carpeta de correo (archivos mbox o Maildir)</translation>
    </message>
    <message>
        <source>A calendar file</source>
        <translation>Un archivo de calendario</translation>
    </message>
    <message>
        <source>Calendars (*.ics)</source>
        <translation>Calendarios (*.ics)</translation>
    </message>
    <message>
        <source>Thunderbird mail folders added: {0}.</source>
        <translation>Carpetas de correo de Thunderbird añadidas: {0}.</translation>
    </message>
    <message>
        <source>No Thunderbird profile with mail was found (or it is already added).</source>
        <translation>No se encontró ningún perfil de Thunderbird con correo (o ya está añadido).</translation>
    </message>
    <message>
        <source>Find Thunderbird profiles</source>
        <translation>Buscar perfiles de Thunderbird</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Stop reading {0}? What it logged stays on the contacts&apos; timelines.</source>
        <translation>¿Dejar de leer {0}? Lo que anotó se queda en el historial de los contactos.</translation>
    </message>
    <message>
        <source>Its password could not be deleted from the keyring: {0}</source>
        <translation>No se pudo borrar su contraseña del llavero: {0}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Add {0}</source>
        <translation>Añadir a {0}</translation>
    </message>
    <message>
        <source>Edit {0}</source>
        <translation>Editar a {0}</translation>
    </message>
    <message>
        <source>Search name, organisation, e-mail, phone, notes, tags…  (Ctrl+F)</source>
        <translation>Buscar por nombre, organización, correo, teléfono, notas, etiquetas…  (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search contacts</source>
        <translation>Buscar contactos</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contactos</translation>
    </message>
    <message>
        <source>No contacts match your search.</source>
        <translation>Ningún contacto coincide con la búsqueda.</translation>
    </message>
    <message>
        <source>Views</source>
        <translation>Vistas</translation>
    </message>
    <message>
        <source>&amp;Import business cards…</source>
        <translation>&amp;Importar tarjetas de visita…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>Hacer &amp;copia de seguridad ahora</translation>
    </message>
    <message>
        <source>&amp;Restore from backup…</source>
        <translation>&amp;Restaurar una copia de seguridad…</translation>
    </message>
    <message>
        <source>&amp;New contact…</source>
        <translation>&amp;Nuevo contacto…</translation>
    </message>
    <message>
        <source>&amp;Edit contact…</source>
        <translation>&amp;Editar contacto…</translation>
    </message>
    <message>
        <source>&amp;Delete contact</source>
        <translation>E&amp;liminar contacto</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Deshacer</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rehacer</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Buscar</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Atajos de teclado</translation>
    </message>
    <message>
        <source>&amp;About netdesk</source>
        <translation>Acerca &amp;de netdesk</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>Aj&amp;ustes…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>F&amp;ollow-ups</source>
        <translation>&amp;Seguimientos</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Herramientas</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Principal</translation>
    </message>
    <message numerus="yes">
        <source>{0} of %Ln contacts</source>
        <translation>
            <numerusform>{0} de %Ln contacto</numerusform>
            <numerusform>{0} de %Ln contactos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln contacts</source>
        <translation>
            <numerusform>%Ln contacto</numerusform>
            <numerusform>%Ln contactos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln due today</source>
        <translation>
            <numerusform>%Ln para hoy</numerusform>
            <numerusform>%Ln para hoy</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n contact(s). Press Ctrl+Z to undo.</source>
        <translation>
            <numerusform>%n contacto eliminado. Pulsa Ctrl+Z para deshacer.</numerusform>
            <numerusform>%n contactos eliminados. Pulsa Ctrl+Z para deshacer.</numerusform>
        </translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <source>About netdesk</source>
        <translation>Acerca de netdesk</translation>
    </message>
    <message>
        <source>netdesk {0}
Contacts and follow-ups for people who grow through referrals.</source>
        <translation>netdesk {0}
Contactos y seguimientos para quienes crecen gracias a las recomendaciones.</translation>
    </message>
    <message>
        <source>Backed up to {0}</source>
        <translation>Copia de seguridad guardada en {0}</translation>
    </message>
</context>
<context>
    <name>MetAtEvent</name>
    <message>
        <source>Met at event</source>
        <translation>Conocidos en un evento</translation>
    </message>
    <message>
        <source>New event…</source>
        <translation>Evento nuevo…</translation>
    </message>
    <message>
        <source>e.g. Chamber breakfast</source>
        <translation>p. ej., desayuno de la Cámara</translation>
    </message>
    <message>
        <source>&amp;Event</source>
        <translation>&amp;Evento</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nombre</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Fecha</translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s) newly met at {0}</source>
        <translation>
            <numerusform>%n contacto conocido por primera vez en {0}</numerusform>
            <numerusform>%n contactos conocidos por primera vez en {0}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n follow-up(s) planned</source>
        <translation>
            <numerusform>%n seguimiento planificado</numerusform>
            <numerusform>%n seguimientos planificados</numerusform>
        </translation>
    </message>
    <message>
        <source>Name: give the new event a name.</source>
        <translation>Nombre: ponle un nombre al evento nuevo.</translation>
    </message>
    <message>
        <source>&amp;Met at event…</source>
        <translation>&amp;Conocidos en un evento…</translation>
    </message>
    <message>
        <source>Not recorded: {0}</source>
        <translation>No se ha registrado: {0}</translation>
    </message>
</context>
<context>
    <name>MetAtEventDialog</name>
    <message numerus="yes">
        <source>%n contact(s) will be recorded as met there. Those not yet linked to the event get the follow-up playbook planned (thank-you, meeting, share content).</source>
        <translation>
            <numerusform>%n contacto quedará registrado como conocido allí. Si aún no estaba vinculado al evento, se le planifica el plan de seguimiento (agradecimiento, reunión, compartir contenido).</numerusform>
            <numerusform>%n contactos quedarán registrados como conocidos allí. Los que aún no estaban vinculados al evento reciben el plan de seguimiento (agradecimiento, reunión, compartir contenido).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RankedEvents</name>
    <message>
        <source>no cost</source>
        <translation>sin coste</translation>
    </message>
    <message>
        <source>mixed currencies</source>
        <translation>monedas mezcladas</translation>
    </message>
</context>
<context>
    <name>RankedEventsModel</name>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Evento</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Organiser</source>
        <translation>Organizador</translation>
    </message>
    <message>
        <source>Full cost</source>
        <translation>Coste total</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>Ganado</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>Retorno</translation>
    </message>
    <message>
        <source>Meetings</source>
        <translation>Reuniones</translation>
    </message>
    <message>
        <source>Cost per meeting</source>
        <translation>Coste por reunión</translation>
    </message>
    <message>
        <source>Referrals received / given</source>
        <translation>Recomendaciones recibidas / dadas</translation>
    </message>
    <message>
        <source>Cost per referral</source>
        <translation>Coste por recomendación</translation>
    </message>
</context>
<context>
    <name>Reasons</name>
    <message>
        <source>same e-mail {0}</source>
        <translation>mismo correo {0}</translation>
    </message>
    <message>
        <source>same phone {0}</source>
        <translation>mismo teléfono {0}</translation>
    </message>
    <message>
        <source>similar name at {0}</source>
        <translation>nombre parecido en {0}</translation>
    </message>
    <message>
        <source>cannot create the folder {0}: {1}</source>
        <translation>no se puede crear la carpeta {0}: {1}</translation>
    </message>
    <message>
        <source>cannot open the database {0}: {1}</source>
        <translation>no se puede abrir la base de datos {0}: {1}</translation>
    </message>
    <message>
        <source>cannot read the database {0}: permission denied</source>
        <translation>no se puede leer la base de datos {0}: permiso denegado</translation>
    </message>
    <message>
        <source>{0} is not a netdesk database (not an SQLite file)</source>
        <translation>{0} no es una base de datos de netdesk (no es un archivo SQLite)</translation>
    </message>
    <message>
        <source>not an SQLite database: the file is damaged or something else</source>
        <translation>no es una base de datos SQLite: el archivo está dañado o es otra cosa</translation>
    </message>
    <message>
        <source>it cannot be read; check its permissions</source>
        <translation>no se puede leer; revisa sus permisos</translation>
    </message>
    <message>
        <source>damaged: {0}</source>
        <translation>dañada: {0}</translation>
    </message>
</context>
<context>
    <name>ReferralDialog</name>
    <message>
        <source>Referral</source>
        <translation>Recomendación</translation>
    </message>
    <message>
        <source>I gave it</source>
        <translation>La di yo</translation>
    </message>
    <message>
        <source>I received it</source>
        <translation>La recibí</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Sentido</translation>
    </message>
    <message>
        <source>&amp;Direction</source>
        <translation>&amp;Sentido</translation>
    </message>
    <message>
        <source>Referred by or referred</source>
        <translation>Quién la envió o a quién se recomendó</translation>
    </message>
    <message>
        <source>&amp;Contact (sent it / got it)</source>
        <translation>&amp;Contacto (la envió / la recibió)</translation>
    </message>
    <message>
        <source>Introduced to or client</source>
        <translation>Presentado a o cliente</translation>
    </message>
    <message>
        <source>&amp;To / client</source>
        <translation>&amp;Para / cliente</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>D&amp;ate</source>
        <translation>&amp;Fecha</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <source>D&amp;escription</source>
        <translation>&amp;Descripción</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abierta</translation>
    </message>
    <message>
        <source>Meeting held</source>
        <translation>Reunión hecha</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>Ganada</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>Perdida</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>&amp;Status</source>
        <translation>&amp;Estado</translation>
    </message>
    <message>
        <source>Value of the business</source>
        <translation>Valor del negocio</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Moneda</translation>
    </message>
    <message>
        <source>&amp;Value when won</source>
        <translation>&amp;Valor si se gana</translation>
    </message>
    <message>
        <source>Event where the relationship started</source>
        <translation>Evento donde empezó la relación</translation>
    </message>
    <message>
        <source>&amp;Met at event</source>
        <translation>Con&amp;ocido en el evento</translation>
    </message>
    <message>
        <source>Contact: choose who sent you the referral or whom you referred.</source>
        <translation>Contacto: elige quién te envió la recomendación o a quién recomendaste.</translation>
    </message>
</context>
<context>
    <name>ReferralsPage</name>
    <message>
        <source>Referrals</source>
        <translation>Recomendaciones</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Sentido</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contacto</translation>
    </message>
    <message>
        <source>To / client</source>
        <translation>Para / cliente</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Evento</translation>
    </message>
    <message>
        <source>No referrals yet. Record the ones you give and receive: networking works when both directions flow.</source>
        <translation>Aún no hay recomendaciones. Anota las que das y las que recibes: el networking funciona cuando fluyen en los dos sentidos.</translation>
    </message>
    <message>
        <source>&amp;New referral…</source>
        <translation>&amp;Nueva recomendación…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Editar…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>E&amp;liminar</translation>
    </message>
    <message>
        <source>open</source>
        <translation>abierta</translation>
    </message>
    <message>
        <source>meeting held</source>
        <translation>reunión hecha</translation>
    </message>
    <message>
        <source>won</source>
        <translation>ganada</translation>
    </message>
    <message>
        <source>lost</source>
        <translation>perdida</translation>
    </message>
    <message>
        <source>given</source>
        <translation>dada</translation>
    </message>
    <message>
        <source>received</source>
        <translation>recibida</translation>
    </message>
    <message>
        <source>Add referral</source>
        <translation>Añadir recomendación</translation>
    </message>
    <message>
        <source>Edit referral</source>
        <translation>Editar recomendación</translation>
    </message>
    <message>
        <source>Delete referral</source>
        <translation>Eliminar recomendación</translation>
    </message>
    <message>
        <source>Say thank you?</source>
        <translation>¿Dar las gracias?</translation>
    </message>
    <message>
        <source>The business is won. Plan a thank-you to the person who referred it?</source>
        <translation>El negocio está ganado. ¿Planificar un agradecimiento a quien lo recomendó?</translation>
    </message>
</context>
<context>
    <name>Reminders</name>
    <message>
        <source>Show netdesk</source>
        <translation>Mostrar netdesk</translation>
    </message>
    <message>
        <source>netdesk — {0} follow-ups due</source>
        <translation>netdesk — seguimientos pendientes: {0}</translation>
    </message>
    <message>
        <source>Follow-ups due</source>
        <translation>Seguimientos pendientes</translation>
    </message>
    <message>
        <source>{0} follow-ups are due today or overdue.</source>
        <translation>Seguimientos para hoy o atrasados: {0}.</translation>
    </message>
    <message>
        <source>Follow-up due</source>
        <translation>Seguimiento pendiente</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Restore from backup</source>
        <translation>Restaurar una copia de seguridad</translation>
    </message>
    <message>
        <source>Choose a backup to go back to. Your current contacts are saved as a backup first, so you can undo the restore (Ctrl+Z).</source>
        <translation>Elige la copia de seguridad a la que quieres volver. Antes se guarda una copia de tus contactos actuales, así que puedes deshacer la restauración (Ctrl+Z).</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Copias de seguridad</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contactos</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Eventos</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>Seguimientos</translation>
    </message>
    <message>
        <source>daily</source>
        <translation>diaria</translation>
    </message>
    <message>
        <source>made by you</source>
        <translation>hecha por ti</translation>
    </message>
    <message>
        <source>before a restore</source>
        <translation>antes de una restauración</translation>
    </message>
    <message>
        <source>before an upgrade</source>
        <translation>antes de una actualización</translation>
    </message>
    <message>
        <source>before a deletion from the command line</source>
        <translation>antes de borrar desde la línea de órdenes</translation>
    </message>
    <message>
        <source>when netdesk closed</source>
        <translation>al cerrar netdesk</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Restaurar</translation>
    </message>
    <message>
        <source>There are no backups yet.</source>
        <translation>Todavía no hay copias de seguridad.</translation>
    </message>
    <message>
        <source>Restored the backup. Ctrl+Z goes back to what you had before.</source>
        <translation>Copia de seguridad restaurada. Ctrl+Z vuelve a lo que tenías antes.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation>&amp;General</translation>
    </message>
    <message>
        <source>&amp;Playbook</source>
        <translation>&amp;Plan de seguimiento</translation>
    </message>
    <message>
        <source>&amp;Keep in touch</source>
        <translation>&amp;Mantener el contacto</translation>
    </message>
    <message>
        <source>Settings pages</source>
        <translation>Páginas de ajustes</translation>
    </message>
    <message>
        <source>Signs your messages: {my_name}</source>
        <translation>Firma tus mensajes: {my_name}</translation>
    </message>
    <message>
        <source>Your &amp;name</source>
        <translation>Tu &amp;nombre</translation>
    </message>
    <message>
        <source>&amp;Messages in</source>
        <translation>Mens&amp;ajes en</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Idioma del sistema</translation>
    </message>
    <message>
        <source>&amp;Interface language</source>
        <translation>&amp;Idioma de la interfaz</translation>
    </message>
    <message>
        <source>from your locale, e.g. ES</source>
        <translation>según tu configuración regional, p. ej., ES</translation>
    </message>
    <message>
        <source>Phone &amp;region</source>
        <translation>&amp;Región telefónica</translation>
    </message>
    <message>
        <source>Hourly rate</source>
        <translation>Tarifa por hora</translation>
    </message>
    <message>
        <source>Currency of the hourly rate</source>
        <translation>Moneda de la tarifa por hora</translation>
    </message>
    <message>
        <source>Your &amp;hourly rate</source>
        <translation>Tu tarifa por &amp;hora</translation>
    </message>
    <message>
        <source>Start netdesk when I log in</source>
        <translation>Abrir netdesk al iniciar sesión</translation>
    </message>
    <message>
        <source>Remind me when follow-ups fall due</source>
        <translation>Avisarme cuando venzan los seguimientos</translation>
    </message>
    <message>
        <source>Backups to keep</source>
        <translation>Copias de seguridad que conservar</translation>
    </message>
    <message>
        <source>&amp;Backups to keep</source>
        <translation>&amp;Copias de seguridad que conservar</translation>
    </message>
    <message>
        <source>Playbook steps</source>
        <translation>Pasos del plan de seguimiento</translation>
    </message>
    <message>
        <source>On</source>
        <translation>Activo</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>After (days)</source>
        <translation>Tras (días)</translation>
    </message>
    <message>
        <source>Intent</source>
        <translation>Intención</translation>
    </message>
    <message>
        <source>&amp;Add step</source>
        <translation>Añadir &amp;paso</translation>
    </message>
    <message>
        <source>&amp;Remove step</source>
        <translation>&amp;Quitar paso</translation>
    </message>
    <message>
        <source>Never plan follow-ups on a weekend</source>
        <translation>No planificar nunca seguimientos en fin de semana</translation>
    </message>
    <message>
        <source>Placeholders: {0}</source>
        <translation>Marcadores: {0}</translation>
    </message>
    <message>
        <source>Template &amp;language</source>
        <translation>Idio&amp;ma de la plantilla</translation>
    </message>
    <message>
        <source>&amp;Subject</source>
        <translation>&amp;Asunto</translation>
    </message>
    <message>
        <source>&amp;Body</source>
        <translation>&amp;Cuerpo</translation>
    </message>
    <message>
        <source>Kind of step {0}</source>
        <translation>Tipo del paso {0}</translation>
    </message>
    <message>
        <source>Days until step {0}</source>
        <translation>Días hasta el paso {0}</translation>
    </message>
    <message>
        <source>Intent of step {0}</source>
        <translation>Intención del paso {0}</translation>
    </message>
    <message>
        <source>Thank-you</source>
        <translation>Agradecimiento</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Reunión</translation>
    </message>
    <message>
        <source>Share content</source>
        <translation>Compartir contenido</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Llamada</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Give</source>
        <translation>Dar</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Conectar</translation>
    </message>
    <message>
        <source>Ask</source>
        <translation>Pedir</translation>
    </message>
    <message>
        <source>Tiers</source>
        <translation>Niveles</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Nivel</translation>
    </message>
    <message>
        <source>Every (days)</source>
        <translation>Cada (días)</translation>
    </message>
    <message>
        <source>Add &amp;tier</source>
        <translation>Añadir &amp;nivel</translation>
    </message>
    <message>
        <source>Give each contact a tier (or a cadence of their own) and netdesk reminds you to reconnect when that many days pass without a touchpoint.</source>
        <translation>Asigna a cada contacto un nivel (o una frecuencia propia) y netdesk te recordará retomar el contacto cuando pasen esos días sin ninguna interacción.</translation>
    </message>
</context>
<context>
    <name>SuggestionsDialog</name>
    <message>
        <source>People you write to</source>
        <translation>Personas a las que escribes</translation>
    </message>
    <message>
        <source>You exchange personal mail with these people, but they are not contacts. Add the ones that matter; nobody is added without you.</source>
        <translation>Te escribes con estas personas, pero no son contactos. Añade las que importan; nadie se añade sin ti.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Correo</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Enviados</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Recibidos</translation>
    </message>
    <message>
        <source>Last</source>
        <translation>Último</translation>
    </message>
    <message>
        <source>No suggestions: everyone you write to is a contact.</source>
        <translation>No hay sugerencias: todas las personas a las que escribes son contactos.</translation>
    </message>
    <message>
        <source>&amp;Add as contact</source>
        <translation>&amp;Añadir como contacto</translation>
    </message>
    <message>
        <source>&amp;Not a contact</source>
        <translation>&amp;No es un contacto</translation>
    </message>
    <message numerus="yes">
        <source>Add %n suggested contact(s)</source>
        <translation>
            <numerusform>Añadir %n contacto sugerido</numerusform>
            <numerusform>Añadir %n contactos sugeridos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Not a contact: %n e-mail(s)</source>
        <translation>
            <numerusform>No es un contacto: %n correo</numerusform>
            <numerusform>No son contactos: %n correos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncMenu</name>
    <message>
        <source>Sync status</source>
        <translation>Estado de la sincronización</translation>
    </message>
    <message>
        <source>Open the sync conflicts</source>
        <translation>Abrir los conflictos de sincronización</translation>
    </message>
    <message>
        <source>&amp;Sync now</source>
        <translation>&amp;Sincronizar ahora</translation>
    </message>
    <message>
        <source>&amp;Resolve sync conflicts…</source>
        <translation>&amp;Resolver conflictos de sincronización…</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>Password for {0} on {1}:</source>
        <translation>Contraseña de {0} en {1}:</translation>
    </message>
    <message>
        <source>No sync account yet: add one in Settings → Accounts</source>
        <translation>Aún no hay cuenta de sincronización: añade una en Ajustes → Cuentas</translation>
    </message>
    <message>
        <source>Sync cancelled</source>
        <translation>Sincronización cancelada</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Sincronizando…</translation>
    </message>
    <message>
        <source>Synced {0}: {1} received, {2} sent</source>
        <translation>Sincronizado a las {0}: {1} recibidos, {2} enviados</translation>
    </message>
    <message numerus="yes">
        <source>%n sync conflict(s)</source>
        <translation>
            <numerusform>%n conflicto de sincronización</numerusform>
            <numerusform>%n conflictos de sincronización</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose which versions to keep</source>
        <translation>Elige qué versiones conservar</translation>
    </message>
    <message>
        <source>Sync failed: {0}</source>
        <translation>Error al sincronizar: {0}</translation>
    </message>
</context>
<context>
    <name>startup</name>
    <message>
        <source>netdesk cannot open its database</source>
        <translation>netdesk no puede abrir su base de datos</translation>
    </message>
    <message>
        <source>Recovering what can still be read…</source>
        <translation>Recuperando lo que aún se puede leer…</translation>
    </message>
    <message>
        <source>contacts: {0}, events: {1}, planned follow-ups: {2}; rows that could not be read: {3}</source>
        <translation>contactos: {0}, eventos: {1}, seguimientos previstos: {2}; filas que no se pudieron leer: {3}</translation>
    </message>
    <message>
        <source>The database {0} is damaged ({1}) and there is no backup to restore. netdesk has not changed the file; keep a copy of it before trying anything.</source>
        <translation>La base de datos {0} está dañada ({1}) y no hay ninguna copia de seguridad que restaurar. netdesk no ha modificado el archivo; guarda una copia antes de intentar nada.</translation>
    </message>
    <message>
        <source>The database is damaged</source>
        <translation>La base de datos está dañada</translation>
    </message>
    <message>
        <source>The database {0} is damaged ({1}).</source>
        <translation>La base de datos {0} está dañada ({1}).</translation>
    </message>
    <message>
        <source>Recovered from it: {0}.</source>
        <translation>Recuperado de ella: {0}.</translation>
    </message>
    <message>
        <source>Use what was &amp;recovered</source>
        <translation>Usar lo &amp;recuperado</translation>
    </message>
    <message>
        <source>Newest good backup: {0}.</source>
        <translation>Copia de seguridad buena más reciente: {0}.</translation>
    </message>
    <message>
        <source>Restore the &amp;backup</source>
        <translation>Restaurar la &amp;copia</translation>
    </message>
    <message>
        <source>The damaged file is kept as a backup whichever you choose.</source>
        <translation>El archivo dañado se guarda como copia de seguridad elijas lo que elijas.</translation>
    </message>
    <message>
        <source>Restore failed</source>
        <translation>No se ha podido restaurar</translation>
    </message>
    <message>
        <source>{0}, made {1} (contacts: {2}, events: {3}, planned follow-ups: {4})</source>
        <translation>{0}, hecha el {1} (contactos: {2}, eventos: {3}, seguimientos previstos: {4})</translation>
    </message>
</context>
</TS>
