<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en">
<context>
    <name>AccountForm</name>
    <message>
        <source>Keyring locked</source>
        <translation>Keyring locked</translation>
    </message>
    <message>
        <source>Edit sync account</source>
        <translation>Edit sync account</translation>
    </message>
    <message>
        <source>Add sync account</source>
        <translation>Add sync account</translation>
    </message>
    <message>
        <source>Account name</source>
        <translation>Account name</translation>
    </message>
    <message>
        <source>e.g. home or office</source>
        <translation>e.g. home or office</translation>
    </message>
    <message>
        <source>Server URL</source>
        <translation>Server URL</translation>
    </message>
    <message>
        <source>https://cloud.example.org/remote.php/dav</source>
        <translation>https://cloud.example.org/remote.php/dav</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>unchanged — type to replace</source>
        <translation>unchanged — type to replace</translation>
    </message>
    <message>
        <source>Sync every so many minutes (0: only on demand)</source>
        <translation>Sync every so many minutes (0: only on demand)</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>only on demand</source>
        <translation>only on demand</translation>
    </message>
    <message>
        <source>&amp;Connect and find the address book</source>
        <translation>&amp;Connect and find the address book</translation>
    </message>
    <message>
        <source>Stop &amp;searching</source>
        <translation>Stop &amp;searching</translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>Connecting</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>Server &amp;URL</source>
        <translation>Server &amp;URL</translation>
    </message>
    <message>
        <source>U&amp;ser name</source>
        <translation>U&amp;ser name</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <source>Sync &amp;every</source>
        <translation>Sync &amp;every</translation>
    </message>
    <message>
        <source>No secure password storage on this computer: the password is only used to connect now and will be asked at each sync.</source>
        <translation>No secure password storage on this computer: the password is only used to connect now and will be asked at each sync.</translation>
    </message>
    <message>
        <source>The password is kept in {0}, nowhere else.</source>
        <translation>The password is kept in {0}, nowhere else.</translation>
    </message>
    <message>
        <source>Warning: http:// sends your password unencrypted to {0}. Use https:// unless this server is on a network you trust.</source>
        <translation>Warning: http:// sends your password unencrypted to {0}. Use https:// unless this server is on a network you trust.</translation>
    </message>
    <message>
        <source>an address book</source>
        <translation>an address book</translation>
    </message>
    <message>
        <source>a task calendar</source>
        <translation>a task calendar</translation>
    </message>
    <message>
        <source>C&amp;reate {0} on the server</source>
        <translation>C&amp;reate {0} on the server</translation>
    </message>
    <message>
        <source> and </source>
        <translation> and </translation>
    </message>
    <message>
        <source>none found</source>
        <translation>none found</translation>
    </message>
    <message>
        <source>Address book: {0}</source>
        <translation>Address book: {0}</translation>
    </message>
    <message>
        <source>Task calendar: {0}</source>
        <translation>Task calendar: {0}</translation>
    </message>
    <message>
        <source>The server does not say where an address book may be made.</source>
        <translation>The server does not say where an address book may be made.</translation>
    </message>
    <message>
        <source>The server does not say where a task calendar may be made.</source>
        <translation>The server does not say where a task calendar may be made.</translation>
    </message>
    <message>
        <source>Password: type the password to connect.</source>
        <translation>Password: type the password to connect.</translation>
    </message>
    <message>
        <source>Password: {0}</source>
        <translation>Password: {0}</translation>
    </message>
    <message>
        <source>Password: the keyring stayed locked; type the password.</source>
        <translation>Password: the keyring stayed locked; type the password.</translation>
    </message>
    <message>
        <source>Password: none is saved for this account; type it to connect.</source>
        <translation>Password: none is saved for this account; type it to connect.</translation>
    </message>
    <message>
        <source>The keyring is locked, so netdesk cannot read the saved password.</source>
        <translation>The keyring is locked, so netdesk cannot read the saved password.</translation>
    </message>
    <message>
        <source>The keyring is locked, so netdesk cannot save the password.</source>
        <translation>The keyring is locked, so netdesk cannot save the password.</translation>
    </message>
    <message>
        <source>Unlock it (your desktop may ask for your login password, or use its keyring app), then choose Retry.</source>
        <translation>Unlock it (your desktop may ask for your login password, or use its keyring app), then choose Retry.</translation>
    </message>
    <message>
        <source>Server URL: {0}</source>
        <translation>Server URL: {0}</translation>
    </message>
    <message>
        <source>Connecting to {0}…</source>
        <translation>Connecting to {0}…</translation>
    </message>
    <message>
        <source>Creating on {0}…</source>
        <translation>Creating on {0}…</translation>
    </message>
    <message>
        <source>Could not connect: {0}</source>
        <translation>Could not connect: {0}</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>Stopped.</translation>
    </message>
    <message>
        <source>Name: give the account a name, e.g. home.</source>
        <translation>Name: give the account a name, e.g. home.</translation>
    </message>
    <message>
        <source>Name: there is already a sync account named {0}.</source>
        <translation>Name: there is already a sync account named {0}.</translation>
    </message>
    <message>
        <source>User name: the server needs one.</source>
        <translation>User name: the server needs one.</translation>
    </message>
    <message>
        <source>Connect first, so netdesk can find the address book.</source>
        <translation>Connect first, so netdesk can find the address book.</translation>
    </message>
    <message>
        <source>Could not save the account: {0}</source>
        <translation>Could not save the account: {0}</translation>
    </message>
    <message>
        <source>Password: not saved, the keyring stayed locked.</source>
        <translation>Password: not saved, the keyring stayed locked.</translation>
    </message>
</context>
<context>
    <name>AccountsModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Syncs</source>
        <translation>Syncs</translation>
    </message>
    <message>
        <source>Last sync</source>
        <translation>Last sync</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Last error</translation>
    </message>
    <message>
        <source>on demand</source>
        <translation>on demand</translation>
    </message>
    <message>
        <source>every {0} min</source>
        <translation>every {0} min</translation>
    </message>
    <message>
        <source>never</source>
        <translation>never</translation>
    </message>
</context>
<context>
    <name>AccountsSettings</name>
    <message>
        <source>netdesk syncs your contacts with an address book (CardDAV) and publishes follow-ups as tasks (CalDAV) on a server you use, such as Radicale or Nextcloud.</source>
        <translation>netdesk syncs your contacts with an address book (CardDAV) and publishes follow-ups as tasks (CalDAV) on a server you use, such as Radicale or Nextcloud.</translation>
    </message>
    <message>
        <source>Sync accounts</source>
        <translation>Sync accounts</translation>
    </message>
    <message>
        <source>&amp;Add account…</source>
        <translation>&amp;Add account…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Edit…</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>Re&amp;move</translation>
    </message>
    <message>
        <source>Passwords are kept in {0}, nowhere else.</source>
        <translation>Passwords are kept in {0}, nowhere else.</translation>
    </message>
    <message>
        <source>No secure password storage (keyring) on this computer: passwords are not saved, and will be asked at each sync.</source>
        <translation>No secure password storage (keyring) on this computer: passwords are not saved, and will be asked at each sync.</translation>
    </message>
    <message>
        <source>The sync account {0} no longer exists.</source>
        <translation>The sync account {0} no longer exists.</translation>
    </message>
    <message>
        <source>Saved the sync account {0}.</source>
        <translation>Saved the sync account {0}.</translation>
    </message>
    <message>
        <source>Remove sync account</source>
        <translation>Remove sync account</translation>
    </message>
    <message>
        <source>Remove the sync account {0}? Its saved password is deleted from the keyring. Your contacts stay on this computer, and the address book stays on the server.</source>
        <translation>Remove the sync account {0}? Its saved password is deleted from the keyring. Your contacts stay on this computer, and the address book stays on the server.</translation>
    </message>
    <message>
        <source>Removed the sync account {0}.</source>
        <translation>Removed the sync account {0}.</translation>
    </message>
    <message>
        <source>The keyring is locked, so netdesk cannot delete the password of {0}. Unlock it (your desktop may ask for your login password), then choose Retry.</source>
        <translation>The keyring is locked, so netdesk cannot delete the password of {0}. Unlock it (your desktop may ask for your login password), then choose Retry.</translation>
    </message>
    <message>
        <source>Its password could not be deleted from the keyring: {0}</source>
        <translation>Its password could not be deleted from the keyring: {0}</translation>
    </message>
    <message>
        <source>Its password is still in the keyring (it stayed locked): delete the entry netdesk / {0} with your keyring app.</source>
        <translation>Its password is still in the keyring (it stayed locked): delete the entry netdesk / {0} with your keyring app.</translation>
    </message>
    <message>
        <source>A&amp;ccounts</source>
        <translation>A&amp;ccounts</translation>
    </message>
</context>
<context>
    <name>BarChart</name>
    <message>
        <source>No data</source>
        <translation>No data</translation>
    </message>
    <message>
        <source>Nothing to show yet</source>
        <translation>Nothing to show yet</translation>
    </message>
</context>
<context>
    <name>CalendarPickDialog</name>
    <message>
        <source>Calendars of {0}</source>
        <translation>Calendars of {0}</translation>
    </message>
    <message>
        <source>Asking the server for its calendars…</source>
        <translation>Asking the server for its calendars…</translation>
    </message>
    <message>
        <source>Calendars whose meetings are read</source>
        <translation>Calendars whose meetings are read</translation>
    </message>
    <message>
        <source>Tick the calendars whose meetings netdesk reads.</source>
        <translation>Tick the calendars whose meetings netdesk reads.</translation>
    </message>
    <message>
        <source>The server has no calendar with events for this account.</source>
        <translation>The server has no calendar with events for this account.</translation>
    </message>
</context>
<context>
    <name>CaptureSettings</name>
    <message>
        <source>Card &amp;photos</source>
        <translation>Card &amp;photos</translation>
    </message>
    <message>
        <source>none: photos only when you import them</source>
        <translation>none: photos only when you import them</translation>
    </message>
    <message>
        <source>Watched folder for card photos</source>
        <translation>Watched folder for card photos</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>&amp;Choose…</translation>
    </message>
    <message>
        <source>&amp;Watched folder</source>
        <translation>&amp;Watched folder</translation>
    </message>
    <message>
        <source>Photos your phone syncs into this folder (Syncthing, Nextcloud, a USB copy) are read once each, on this computer: QR codes become contacts, paper cards wait for your review. Nothing is uploaded.</source>
        <translation>Photos your phone syncs into this folder (Syncthing, Nextcloud, a USB copy) are read once each, on this computer: QR codes become contacts, paper cards wait for your review. Nothing is uploaded.</translation>
    </message>
    <message>
        <source>Paper cards: {0}</source>
        <translation>Paper cards: {0}</translation>
    </message>
    <message>
        <source>Paper cards: OCR is ready.</source>
        <translation>Paper cards: OCR is ready.</translation>
    </message>
    <message>
        <source>{0} is not a folder yet; netdesk will look again.</source>
        <translation>{0} is not a folder yet; netdesk will look again.</translation>
    </message>
</context>
<context>
    <name>CardCapture</name>
    <message>
        <source>Confirm card of {0}</source>
        <translation>Confirm card of {0}</translation>
    </message>
    <message>
        <source>Reject card of {0}</source>
        <translation>Reject card of {0}</translation>
    </message>
    <message>
        <source>Read photos from the watched folder</source>
        <translation>Read photos from the watched folder</translation>
    </message>
    <message>
        <source>&amp;Review cards from photos…</source>
        <translation>&amp;Review cards from photos…</translation>
    </message>
    <message>
        <source>Import card photo from clip&amp;board</source>
        <translation>Import card photo from clip&amp;board</translation>
    </message>
    <message>
        <source>Review cards read from photos</source>
        <translation>Review cards read from photos</translation>
    </message>
    <message numerus="yes">
        <source>%n card(s) to review</source>
        <translation>
            <numerusform>%n card to review</numerusform>
            <numerusform>%n cards to review</numerusform>
        </translation>
    </message>
    <message>
        <source>No cards are waiting for review.</source>
        <translation>No cards are waiting for review.</translation>
    </message>
    <message>
        <source>Import card photo from clipboard</source>
        <translation>Import card photo from clipboard</translation>
    </message>
    <message>
        <source>The clipboard holds no image. Copy a screenshot or a photo of the card first.</source>
        <translation>The clipboard holds no image. Copy a screenshot or a photo of the card first.</translation>
    </message>
    <message numerus="yes">
        <source>Read %n photo(s) from {0}: {1} new, {2} rejected; Ctrl+Z undoes.</source>
        <translation>
            <numerusform>Read %n photo from {0}: {1} new, {2} rejected; Ctrl+Z undoes.</numerusform>
            <numerusform>Read %n photos from {0}: {1} new, {2} rejected; Ctrl+Z undoes.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CardReviewDialog</name>
    <message>
        <source>Photo of the card</source>
        <translation>Photo of the card</translation>
    </message>
    <message>
        <source>Fields marked in yellow were hard to read: check them.</source>
        <translation>Fields marked in yellow were hard to read: check them.</translation>
    </message>
    <message>
        <source>&amp;Accept</source>
        <translation>&amp;Accept</translation>
    </message>
    <message>
        <source>Save this contact (Ctrl+Return)</source>
        <translation>Save this contact (Ctrl+Return)</translation>
    </message>
    <message>
        <source>&amp;Reject</source>
        <translation>&amp;Reject</translation>
    </message>
    <message>
        <source>Delete this contact (Ctrl+Delete); Ctrl+Z undoes</source>
        <translation>Delete this contact (Ctrl+Delete); Ctrl+Z undoes</translation>
    </message>
    <message>
        <source>S&amp;kip</source>
        <translation>S&amp;kip</translation>
    </message>
    <message>
        <source>Leave it for later (Ctrl+Right)</source>
        <translation>Leave it for later (Ctrl+Right)</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <source>Review cards read from photos</source>
        <translation>Review cards read from photos</translation>
    </message>
    <message>
        <source>No image was kept for this card.</source>
        <translation>No image was kept for this card.</translation>
    </message>
    <message>
        <source>Card {0} of {1} · {2}</source>
        <translation>Card {0} of {1} · {2}</translation>
    </message>
    <message>
        <source>Read: {0}</source>
        <translation>Read: {0}</translation>
    </message>
    <message>
        <source>Hard to read: check this field</source>
        <translation>Hard to read: check this field</translation>
    </message>
</context>
<context>
    <name>ComposeDialog</name>
    <message>
        <source>Compose</source>
        <translation>Compose</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>&amp;To</translation>
    </message>
    <message>
        <source>&amp;Subject</source>
        <translation>&amp;Subject</translation>
    </message>
    <message>
        <source>Open in &amp;mail program</source>
        <translation>Open in &amp;mail program</translation>
    </message>
    <message>
        <source>&amp;Copy text</source>
        <translation>&amp;Copy text</translation>
    </message>
    <message>
        <source>No mail program is set up to send it, so the message was copied: paste it into your webmail or mail program.</source>
        <translation>No mail program is set up to send it, so the message was copied: paste it into your webmail or mail program.</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Resolve sync conflicts</source>
        <translation>Resolve sync conflicts</translation>
    </message>
    <message>
        <source>No sync conflicts. When a contact changes both on this computer and on the server before a sync, both versions wait here for you to choose.</source>
        <translation>No sync conflicts. When a contact changes both on this computer and on the server before a sync, both versions wait here for you to choose.</translation>
    </message>
    <message>
        <source>Contacts changed on both sides</source>
        <translation>Contacts changed on both sides</translation>
    </message>
    <message>
        <source>Con&amp;flicts:</source>
        <translation>Con&amp;flicts:</translation>
    </message>
    <message>
        <source>Keep all from this &amp;computer</source>
        <translation>Keep all from this &amp;computer</translation>
    </message>
    <message>
        <source>Keep all from &amp;server</source>
        <translation>Keep all from &amp;server</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>&amp;Apply</translation>
    </message>
    <message>
        <source>{0} — {1}</source>
        <translation>{0} — {1}</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Prefix</source>
        <translation>Prefix</translation>
    </message>
    <message>
        <source>Given name</source>
        <translation>Given name</translation>
    </message>
    <message>
        <source>Middle names</source>
        <translation>Middle names</translation>
    </message>
    <message>
        <source>Family name</source>
        <translation>Family name</translation>
    </message>
    <message>
        <source>Suffix</source>
        <translation>Suffix</translation>
    </message>
    <message>
        <source>Nickname</source>
        <translation>Nickname</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>Job title</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>Birthday</translation>
    </message>
    <message>
        <source>E-mails</source>
        <translation>E-mails</translation>
    </message>
    <message>
        <source>Phones</source>
        <translation>Phones</translation>
    </message>
    <message>
        <source>Addresses</source>
        <translation>Addresses</translation>
    </message>
    <message>
        <source>Web addresses</source>
        <translation>Web addresses</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>Photo</translation>
    </message>
    <message numerus="yes">
        <source>%n field(s) of {0} changed differently on this computer and on the server. Choose which version to keep for each; rows marked ≠ differ.</source>
        <translation>
            <numerusform>%n field of {0} changed differently on this computer and on the server. Choose which version to keep for each; rows marked ≠ differ.</numerusform>
            <numerusform>%n fields of {0} changed differently on this computer and on the server. Choose which version to keep for each; rows marked ≠ differ.</numerusform>
        </translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>This computer</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Keep</translation>
    </message>
    <message>
        <source>Different on the two sides</source>
        <translation>Different on the two sides</translation>
    </message>
    <message>
        <source>Same</source>
        <translation>Same</translation>
    </message>
    <message>
        <source>Keep {0} from this computer</source>
        <translation>Keep {0} from this computer</translation>
    </message>
    <message>
        <source>Keep {0} from the server</source>
        <translation>Keep {0} from the server</translation>
    </message>
    <message>
        <source>Both</source>
        <translation>Both</translation>
    </message>
    <message>
        <source>Keep {0} from both</source>
        <translation>Keep {0} from both</translation>
    </message>
    <message>
        <source>That conflict was already resolved.</source>
        <translation>That conflict was already resolved.</translation>
    </message>
    <message>
        <source>A sync brought a newer version from the server meanwhile: it is shown now. Please choose again.</source>
        <translation>A sync brought a newer version from the server meanwhile: it is shown now. Please choose again.</translation>
    </message>
    <message>
        <source>Nothing was changed: {0}</source>
        <translation>Nothing was changed: {0}</translation>
    </message>
    <message>
        <source>Kept your choice for {0} on this computer; it goes to the server at the next sync. Ctrl+Z in the main window brings the conflict back.</source>
        <translation>Kept your choice for {0} on this computer; it goes to the server at the next sync. Ctrl+Z in the main window brings the conflict back.</translation>
    </message>
    <message>
        <source>Resolve sync conflict of {0}</source>
        <translation>Resolve sync conflict of {0}</translation>
    </message>
    <message>
        <source>Could not change the contact: {0}</source>
        <translation>Could not change the contact: {0}</translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <source>Edit contact</source>
        <translation>Edit contact</translation>
    </message>
    <message>
        <source>New contact</source>
        <translation>New contact</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>Ana García</source>
        <translation>Ana García</translation>
    </message>
    <message>
        <source>&amp;Given name</source>
        <translation>&amp;Given name</translation>
    </message>
    <message>
        <source>&amp;Family name</source>
        <translation>&amp;Family name</translation>
    </message>
    <message>
        <source>&amp;Organisation</source>
        <translation>&amp;Organisation</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>&amp;Title</translation>
    </message>
    <message>
        <source>&amp;E-mails</source>
        <translation>&amp;E-mails</translation>
    </message>
    <message>
        <source>one per line: ana@example.com</source>
        <translation>one per line: ana@example.com</translation>
    </message>
    <message>
        <source>&amp;Phones</source>
        <translation>&amp;Phones</translation>
    </message>
    <message>
        <source>one per line</source>
        <translation>one per line</translation>
    </message>
    <message>
        <source>St&amp;reet</source>
        <translation>St&amp;reet</translation>
    </message>
    <message>
        <source>&amp;City</source>
        <translation>&amp;City</translation>
    </message>
    <message>
        <source>Co&amp;untry</source>
        <translation>Co&amp;untry</translation>
    </message>
    <message>
        <source>&amp;Birthday</source>
        <translation>&amp;Birthday</translation>
    </message>
    <message>
        <source>1980-03-22 or --03-22</source>
        <translation>1980-03-22 or --03-22</translation>
    </message>
    <message>
        <source>T&amp;ags</source>
        <translation>T&amp;ags</translation>
    </message>
    <message>
        <source>comma separated</source>
        <translation>comma separated</translation>
    </message>
    <message>
        <source>N&amp;ote</source>
        <translation>N&amp;ote</translation>
    </message>
    <message>
        <source>No reminder</source>
        <translation>No reminder</translation>
    </message>
    <message>
        <source>Tier {0} — every {1} days</source>
        <translation>Tier {0} — every {1} days</translation>
    </message>
    <message>
        <source>Every… (days of its own)</source>
        <translation>Every… (days of its own)</translation>
    </message>
    <message>
        <source> days</source>
        <translation> days</translation>
    </message>
    <message>
        <source>Keep in touch every so many days</source>
        <translation>Keep in touch every so many days</translation>
    </message>
    <message>
        <source>&amp;Keep in touch</source>
        <translation>&amp;Keep in touch</translation>
    </message>
</context>
<context>
    <name>ContactTableModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Last touch</source>
        <translation>Last touch</translation>
    </message>
    <message>
        <source>Next follow-up</source>
        <translation>Next follow-up</translation>
    </message>
    <message>
        <source>Strength</source>
        <translation>Strength</translation>
    </message>
    <message>
        <source>Relationship strength 0-100, from mails, meetings and follow-ups; the contact&apos;s details show why.</source>
        <translation>Relationship strength 0-100, from mails, meetings and follow-ups; the contact&apos;s details show why.</translation>
    </message>
</context>
<context>
    <name>Counted</name>
    <message numerus="yes">
        <source>Delete %n contact(s)</source>
        <translation>
            <numerusform>Delete %n contact</numerusform>
            <numerusform>Delete %n contacts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Merge %n duplicate contact(s)</source>
        <translation>
            <numerusform>Merge %n duplicate contact</numerusform>
            <numerusform>Merge %n duplicate contacts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Merged %n duplicate contact(s). Press Ctrl+Z to undo.</source>
        <translation>
            <numerusform>Merged %n duplicate contact. Press Ctrl+Z to undo.</numerusform>
            <numerusform>Merged %n duplicate contacts. Press Ctrl+Z to undo.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CsvMappingDialog</name>
    <message>
        <source>Which column is what?</source>
        <translation>Which column is what?</translation>
    </message>
    <message>
        <source>netdesk does not know the columns of {0} (separated by “{1}”, {2}). Say what each column holds; columns set to “ignore” are skipped.</source>
        <translation>netdesk does not know the columns of {0} (separated by “{1}”, {2}). Say what each column holds; columns set to “ignore” are skipped.</translation>
    </message>
    <message>
        <source>Columns of the file</source>
        <translation>Columns of the file</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Column</translation>
    </message>
    <message>
        <source>First value</source>
        <translation>First value</translation>
    </message>
    <message>
        <source>Means</source>
        <translation>Means</translation>
    </message>
    <message>
        <source>Meaning of column {0}</source>
        <translation>Meaning of column {0}</translation>
    </message>
    <message>
        <source>Choose what at least one column holds.</source>
        <translation>Choose what at least one column holds.</translation>
    </message>
</context>
<context>
    <name>DashboardChoice</name>
    <message>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>This year</translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>Last 12 months</translation>
    </message>
    <message>
        <source>All time</source>
        <translation>All time</translation>
    </message>
    <message>
        <source>Custom range</source>
        <translation>Custom range</translation>
    </message>
    <message>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <source>To</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Organiser</source>
        <translation>Organiser</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>&amp;Period:</translation>
    </message>
    <message>
        <source>Fro&amp;m:</source>
        <translation>Fro&amp;m:</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>To:</translation>
    </message>
    <message>
        <source>Or&amp;ganiser:</source>
        <translation>Or&amp;ganiser:</translation>
    </message>
    <message>
        <source>“From” is after “To”: choose a From date on or before the To date to see the figures.</source>
        <translation>“From” is after “To”: choose a From date on or before the To date to see the figures.</translation>
    </message>
    <message>
        <source>All organisers</source>
        <translation>All organisers</translation>
    </message>
    <message>
        <source>No organiser (one-off events)</source>
        <translation>No organiser (one-off events)</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>&amp;Save report…</source>
        <translation>&amp;Save report…</translation>
    </message>
    <message>
        <source>P&amp;rint report…</source>
        <translation>P&amp;rint report…</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Events</translation>
    </message>
    <message>
        <source>Money spent</source>
        <translation>Money spent</translation>
    </message>
    <message>
        <source>Hours (valued at your rate)</source>
        <translation>Hours (valued at your rate)</translation>
    </message>
    <message>
        <source>Full cost</source>
        <translation>Full cost</translation>
    </message>
    <message>
        <source>Contacts met</source>
        <translation>Contacts met</translation>
    </message>
    <message>
        <source>Follow-ups done</source>
        <translation>Follow-ups done</translation>
    </message>
    <message>
        <source>Meetings held</source>
        <translation>Meetings held</translation>
    </message>
    <message>
        <source>Referrals given</source>
        <translation>Referrals given</translation>
    </message>
    <message>
        <source>Referrals received</source>
        <translation>Referrals received</translation>
    </message>
    <message>
        <source>Won business</source>
        <translation>Won business</translation>
    </message>
    <message>
        <source>Return (won ÷ full cost)</source>
        <translation>Return (won ÷ full cost)</translation>
    </message>
    <message>
        <source>Cost per meeting</source>
        <translation>Cost per meeting</translation>
    </message>
    <message>
        <source>Cost per referral received</source>
        <translation>Cost per referral received</translation>
    </message>
    <message>
        <source>Events, best return first</source>
        <translation>Events, best return first</translation>
    </message>
    <message>
        <source>Return by event (won value ÷ full cost)</source>
        <translation>Return by event (won value ÷ full cost)</translation>
    </message>
    <message>
        <source>Give / connect / ask by month</source>
        <translation>Give / connect / ask by month</translation>
    </message>
    <message>
        <source>Referrals given and received by month</source>
        <translation>Referrals given and received by month</translation>
    </message>
    <message>
        <source>Events, best return first (click a heading to sort)</source>
        <translation>Events, best return first (click a heading to sort)</translation>
    </message>
    <message>
        <source>Print report</source>
        <translation>Print report</translation>
    </message>
    <message>
        <source>Report not printed</source>
        <translation>Report not printed</translation>
    </message>
    <message>
        <source>Report sent to the printer</source>
        <translation>Report sent to the printer</translation>
    </message>
    <message>
        <source>&amp;Print report…</source>
        <translation>&amp;Print report…</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>Return</translation>
    </message>
    <message>
        <source>Give</source>
        <translation>Give</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Connect</translation>
    </message>
    <message>
        <source>Ask</source>
        <translation>Ask</translation>
    </message>
    <message>
        <source>Given</source>
        <translation>Given</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>{0} h, worth {1}</source>
        <translation>{0} h, worth {1}</translation>
    </message>
    <message>
        <source>{0} of {1}</source>
        <translation>{0} of {1}</translation>
    </message>
    <message>
        <source>Save report</source>
        <translation>Save report</translation>
    </message>
    <message>
        <source>PDF (*.pdf);;Web page (*.html)</source>
        <translation>PDF (*.pdf);;Web page (*.html)</translation>
    </message>
    <message>
        <source>Report not saved</source>
        <translation>Report not saved</translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <source>Report saved to {0}</source>
        <translation>Report saved to {0}</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Dashboard</translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <source>Contact details and timeline</source>
        <translation>Contact details and timeline</translation>
    </message>
    <message>
        <source>Photo of the business card</source>
        <translation>Photo of the business card</translation>
    </message>
    <message>
        <source>You&apos;re selling, not networking: most of your recent touchpoints with {0} are asks. Give or connect next.</source>
        <translation>You&apos;re selling, not networking: most of your recent touchpoints with {0} are asks. Give or connect next.</translation>
    </message>
    <message>
        <source>Referrals: you gave {0} · they gave you {1}</source>
        <translation>Referrals: you gave {0} · they gave you {1}</translation>
    </message>
    <message>
        <source>Relationship strength: {0} / 100</source>
        <translation>Relationship strength: {0} / 100</translation>
    </message>
    <message>
        <source>why: last touch {0} of 40 · how often {1} of 25 · both ways {2} of 15 · meetings {3} of 20</source>
        <translation>why: last touch {0} of 40 · how often {1} of 25 · both ways {2} of 15 · meetings {3} of 20</translation>
    </message>
    <message>
        <source>In the last year: {0} touches, {1} sent or given, {2} received, {3} meetings.</source>
        <translation>In the last year: {0} touches, {1} sent or given, {2} received, {3} meetings.</translation>
    </message>
    <message>
        <source>Keep in touch: tier {0}, every {1} days</source>
        <translation>Keep in touch: tier {0}, every {1} days</translation>
    </message>
    <message>
        <source>Keep in touch: every {0} days</source>
        <translation>Keep in touch: every {0} days</translation>
    </message>
    <message>
        <source>next by {0}</source>
        <translation>next by {0}</translation>
    </message>
    <message>
        <source>Read from the photo {0}</source>
        <translation>Read from the photo {0}</translation>
    </message>
    <message>
        <source>No contact selected</source>
        <translation>No contact selected</translation>
    </message>
    <message>
        <source>Select a contact to see their details and timeline.</source>
        <translation>Select a contact to see their details and timeline.</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Web</source>
        <translation>Web</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>Birthday</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <source>Nothing here yet.</source>
        <translation>Nothing here yet.</translation>
    </message>
    <message>
        <source>Thank you</source>
        <translation>Thank you</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Meeting</translation>
    </message>
    <message>
        <source>Share content</source>
        <translation>Share content</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Call</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <source>Work</source>
        <translation>Work</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>Home</translation>
    </message>
    <message>
        <source>Met at {0}</source>
        <translation>Met at {0}</translation>
    </message>
    <message>
        <source>done</source>
        <translation>done</translation>
    </message>
    <message>
        <source>planned</source>
        <translation>planned</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>skipped</translation>
    </message>
    <message>
        <source>marked done by the e-mail “{0}” ({1})</source>
        <translation>marked done by the e-mail “{0}” ({1})</translation>
    </message>
    <message>
        <source>marked done by the meeting “{0}” ({1})</source>
        <translation>marked done by the meeting “{0}” ({1})</translation>
    </message>
    <message>
        <source>E-mail sent</source>
        <translation>E-mail sent</translation>
    </message>
    <message>
        <source>E-mail received</source>
        <translation>E-mail received</translation>
    </message>
    <message>
        <source>Meeting held</source>
        <translation>Meeting held</translation>
    </message>
</context>
<context>
    <name>DoneDialog</name>
    <message>
        <source>Done: {0}</source>
        <translation>Done: {0}</translation>
    </message>
    <message>
        <source>What happened? (optional)</source>
        <translation>What happened? (optional)</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>&amp;Note</translation>
    </message>
    <message>
        <source>&amp;Plan the next step:</source>
        <translation>&amp;Plan the next step:</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>Next step</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Meeting</translation>
    </message>
    <message>
        <source>Share content</source>
        <translation>Share content</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Call</translation>
    </message>
    <message>
        <source>Thank-you</source>
        <translation>Thank-you</translation>
    </message>
    <message>
        <source>Days until the next step</source>
        <translation>Days until the next step</translation>
    </message>
    <message>
        <source> days</source>
        <translation> days</translation>
    </message>
</context>
<context>
    <name>DuplicatesDialog</name>
    <message>
        <source>Find and merge duplicates</source>
        <translation>Find and merge duplicates</translation>
    </message>
    <message>
        <source>Looking for duplicates…</source>
        <translation>Looking for duplicates…</translation>
    </message>
    <message>
        <source>Groups of duplicates</source>
        <translation>Groups of duplicates</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>E-mails</source>
        <translation>E-mails</translation>
    </message>
    <message>
        <source>Phones</source>
        <translation>Phones</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Added</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Check &amp;sure ones</source>
        <translation>Check &amp;sure ones</translation>
    </message>
    <message>
        <source>Check &amp;none</source>
        <translation>Check &amp;none</translation>
    </message>
    <message>
        <source>&amp;Merge checked</source>
        <translation>&amp;Merge checked</translation>
    </message>
    <message>
        <source>Checked groups become one contact each, keeping every e-mail, phone, address, note, tag, follow-up, event and referral. Double-click a contact to keep it instead. Undo with Ctrl+Z.</source>
        <translation>Checked groups become one contact each, keeping every e-mail, phone, address, note, tag, follow-up, event and referral. Double-click a contact to keep it instead. Undo with Ctrl+Z.</translation>
    </message>
    <message>
        <source>Comparing e-mails and phones…</source>
        <translation>Comparing e-mails and phones…</translation>
    </message>
    <message>
        <source>Comparing names within each organisation…</source>
        <translation>Comparing names within each organisation…</translation>
    </message>
    <message>
        <source>Reading the contacts found…</source>
        <translation>Reading the contacts found…</translation>
    </message>
    <message>
        <source>No duplicates found.</source>
        <translation>No duplicates found.</translation>
    </message>
    <message numerus="yes">
        <source>%n sure duplicate group(s)</source>
        <translation>
            <numerusform>%n sure duplicate group</numerusform>
            <numerusform>%n sure duplicate groups</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n suggestion(s) to check</source>
        <translation>
            <numerusform>%n suggestion to check</numerusform>
            <numerusform>%n suggestions to check</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not finish: {0}</source>
        <translation>Could not finish: {0}</translation>
    </message>
    <message>
        <source>Sure</source>
        <translation>Sure</translation>
    </message>
    <message>
        <source>Suggestion</source>
        <translation>Suggestion</translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s)</source>
        <translation>
            <numerusform>%n contact</numerusform>
            <numerusform>%n contacts</numerusform>
        </translation>
    </message>
    <message>
        <source>{0}  (kept)</source>
        <translation>{0}  (kept)</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Merge %n group(s)</source>
        <translation>
            <numerusform>&amp;Merge %n group</numerusform>
            <numerusform>&amp;Merge %n groups</numerusform>
        </translation>
    </message>
    <message>
        <source>Merging…</source>
        <translation>Merging…</translation>
    </message>
    <message>
        <source>Nothing was merged: {0}</source>
        <translation>Nothing was merged: {0}</translation>
    </message>
    <message>
        <source>Merging duplicates…</source>
        <translation>Merging duplicates…</translation>
    </message>
    <message>
        <source>Bringing the contacts back…</source>
        <translation>Bringing the contacts back…</translation>
    </message>
</context>
<context>
    <name>DuplicatesView</name>
    <message>
        <source>Find and &amp;merge duplicates…</source>
        <translation>Find and &amp;merge duplicates…</translation>
    </message>
</context>
<context>
    <name>EmptyState</name>
    <message>
        <source>Welcome to netdesk</source>
        <translation>Welcome to netdesk</translation>
    </message>
    <message>
        <source>Back from an event with a stack of business cards? Import them and netdesk plans the thank-you, the one-to-one and the useful share that turn a contact into a relationship.</source>
        <translation>Back from an event with a stack of business cards? Import them and netdesk plans the thank-you, the one-to-one and the useful share that turn a contact into a relationship.</translation>
    </message>
    <message>
        <source>Import business cards…</source>
        <translation>Import business cards…</translation>
    </message>
    <message>
        <source>Add a contact by hand</source>
        <translation>Add a contact by hand</translation>
    </message>
</context>
<context>
    <name>EventDialog</name>
    <message>
        <source>Event</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>&amp;Place</source>
        <translation>&amp;Place</translation>
    </message>
    <message>
        <source>Organiser</source>
        <translation>Organiser</translation>
    </message>
    <message>
        <source>&amp;Organiser</source>
        <translation>&amp;Organiser</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Cost</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Currency</translation>
    </message>
    <message>
        <source>&amp;Cost</source>
        <translation>&amp;Cost</translation>
    </message>
    <message>
        <source>Hours spent, travel included</source>
        <translation>Hours spent, travel included</translation>
    </message>
    <message>
        <source>&amp;Hours (with travel)</source>
        <translation>&amp;Hours (with travel)</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>comma separated, e.g. breakfast, monthly</source>
        <translation>comma separated, e.g. breakfast, monthly</translation>
    </message>
    <message>
        <source>T&amp;ags</source>
        <translation>T&amp;ags</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>No&amp;tes</source>
        <translation>No&amp;tes</translation>
    </message>
    <message>
        <source>Name: an event needs a name.</source>
        <translation>Name: an event needs a name.</translation>
    </message>
    <message>
        <source>Currency: use a three-letter code such as EUR.</source>
        <translation>Currency: use a three-letter code such as EUR.</translation>
    </message>
</context>
<context>
    <name>EventsPage</name>
    <message>
        <source>Events</source>
        <translation>Events</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>Organiser</source>
        <translation>Organiser</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Cost</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Hours</translation>
    </message>
    <message>
        <source>Met</source>
        <translation>Met</translation>
    </message>
    <message>
        <source>Follow-ups done</source>
        <translation>Follow-ups done</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>Return</translation>
    </message>
    <message>
        <source>No events yet — add one with Ctrl+Shift+N, or import cards and say where you met these people.</source>
        <translation>No events yet — add one with Ctrl+Shift+N, or import cards and say where you met these people.</translation>
    </message>
    <message>
        <source>&amp;New event…</source>
        <translation>&amp;New event…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Edit…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <source>Add event</source>
        <translation>Add event</translation>
    </message>
    <message>
        <source>Edit event</source>
        <translation>Edit event</translation>
    </message>
    <message>
        <source>Delete event</source>
        <translation>Delete event</translation>
    </message>
    <message>
        <source>Event deleted. Press Ctrl+Z to undo.</source>
        <translation>Event deleted. Press Ctrl+Z to undo.</translation>
    </message>
    <message>
        <source>New &amp;event…</source>
        <translation>New &amp;event…</translation>
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
        <translation>CSV spreadsheet (*.csv)</translation>
    </message>
    <message>
        <source>E&amp;xport all contacts…</source>
        <translation>E&amp;xport all contacts…</translation>
    </message>
    <message>
        <source>Export &amp;selected contacts…</source>
        <translation>Export &amp;selected contacts…</translation>
    </message>
    <message>
        <source>Export &amp;follow-ups as a calendar…</source>
        <translation>Export &amp;follow-ups as a calendar…</translation>
    </message>
    <message>
        <source>Export follow-ups as a calendar</source>
        <translation>Export follow-ups as a calendar</translation>
    </message>
    <message>
        <source>Calendar (*.ics)</source>
        <translation>Calendar (*.ics)</translation>
    </message>
    <message>
        <source>Wrote {0} follow-ups to {1}; open it in your calendar.</source>
        <translation>Wrote {0} follow-ups to {1}; open it in your calendar.</translation>
    </message>
    <message numerus="yes">
        <source>Export %n contact(s)</source>
        <translation>
            <numerusform>Export %n contact</numerusform>
            <numerusform>Export %n contacts</numerusform>
        </translation>
    </message>
    <message>
        <source>There are no contacts to export.</source>
        <translation>There are no contacts to export.</translation>
    </message>
    <message>
        <source>Exporting contacts…</source>
        <translation>Exporting contacts…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Export cancelled.</source>
        <translation>Export cancelled.</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n contact(s) to {0}.</source>
        <translation>
            <numerusform>Exported %n contact to {0}.</numerusform>
            <numerusform>Exported %n contacts to {0}.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export failed</translation>
    </message>
</context>
<context>
    <name>FadingDialog</name>
    <message>
        <source>Fading relationships</source>
        <translation>Fading relationships</translation>
    </message>
    <message>
        <source>You had a real exchange with these people, but the last touch is getting old. Double-click to open one.</source>
        <translation>You had a real exchange with these people, but the last touch is getting old. Double-click to open one.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Strength</source>
        <translation>Strength</translation>
    </message>
    <message>
        <source>Last touch</source>
        <translation>Last touch</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Why</translation>
    </message>
    <message>
        <source>{0} touches, {1} meetings in a year</source>
        <translation>{0} touches, {1} meetings in a year</translation>
    </message>
    <message>
        <source>Nobody is fading: every strong relationship was touched lately.</source>
        <translation>Nobody is fading: every strong relationship was touched lately.</translation>
    </message>
</context>
<context>
    <name>FollowUpActions</name>
    <message>
        <source>Mark &amp;done…</source>
        <translation>Mark &amp;done…</translation>
    </message>
    <message>
        <source>Snooze &amp;1 day</source>
        <translation>Snooze &amp;1 day</translation>
    </message>
    <message>
        <source>Snooze &amp;3 days</source>
        <translation>Snooze &amp;3 days</translation>
    </message>
    <message>
        <source>Snooze &amp;1 week</source>
        <translation>Snooze &amp;1 week</translation>
    </message>
    <message>
        <source>Snooze &amp;until…</source>
        <translation>Snooze &amp;until…</translation>
    </message>
    <message>
        <source>&amp;Reschedule…</source>
        <translation>&amp;Reschedule…</translation>
    </message>
    <message>
        <source>S&amp;kip</source>
        <translation>S&amp;kip</translation>
    </message>
    <message>
        <source>&amp;Compose message…</source>
        <translation>&amp;Compose message…</translation>
    </message>
    <message>
        <source>Mark done</source>
        <translation>Mark done</translation>
    </message>
    <message>
        <source>Snooze</source>
        <translation>Snooze</translation>
    </message>
    <message>
        <source>Snooze until</source>
        <translation>Snooze until</translation>
    </message>
    <message>
        <source>Reschedule to</source>
        <translation>Reschedule to</translation>
    </message>
    <message>
        <source>Reschedule</source>
        <translation>Reschedule</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Skip</translation>
    </message>
</context>
<context>
    <name>FollowUpsPane</name>
    <message>
        <source>Today</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>Follow-ups</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>What</source>
        <translation>What</translation>
    </message>
    <message>
        <source>Thank-you</source>
        <translation>Thank-you</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Meeting</translation>
    </message>
    <message>
        <source>Share content</source>
        <translation>Share content</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Call</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>This week</translation>
    </message>
    <message>
        <source>From {0}</source>
        <translation>From {0}</translation>
    </message>
    <message>
        <source>… and {0} more</source>
        <translation>… and {0} more</translation>
    </message>
    <message>
        <source>Reconnect ({0})</source>
        <translation>Reconnect ({0})</translation>
    </message>
    <message>
        <source>last touch {0}</source>
        <translation>last touch {0}</translation>
    </message>
    <message>
        <source>never in touch</source>
        <translation>never in touch</translation>
    </message>
    <message>
        <source>Keep in touch every {0} days</source>
        <translation>Keep in touch every {0} days</translation>
    </message>
</context>
<context>
    <name>ImapAccountDialog</name>
    <message>
        <source>Add an IMAP account</source>
        <translation>Add an IMAP account</translation>
    </message>
    <message>
        <source>Mail</source>
        <translation>Mail</translation>
    </message>
    <message>
        <source>TLS (port 993)</source>
        <translation>TLS (port 993)</translation>
    </message>
    <message>
        <source>STARTTLS (port 143)</source>
        <translation>STARTTLS (port 143)</translation>
    </message>
    <message>
        <source>INBOX and Sent are always read; more, with commas</source>
        <translation>INBOX and Sent are always read; more, with commas</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>&amp;Server</source>
        <translation>&amp;Server</translation>
    </message>
    <message>
        <source>S&amp;ecurity</source>
        <translation>S&amp;ecurity</translation>
    </message>
    <message>
        <source>&amp;Port</source>
        <translation>&amp;Port</translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation>&amp;User name</translation>
    </message>
    <message>
        <source>Pass&amp;word</source>
        <translation>Pass&amp;word</translation>
    </message>
    <message>
        <source>More &amp;folders</source>
        <translation>More &amp;folders</translation>
    </message>
    <message>
        <source>name</source>
        <translation>name</translation>
    </message>
    <message>
        <source>server</source>
        <translation>server</translation>
    </message>
    <message>
        <source>user name</source>
        <translation>user name</translation>
    </message>
    <message>
        <source>password</source>
        <translation>password</translation>
    </message>
    <message>
        <source>Fill in: {0}.</source>
        <translation>Fill in: {0}.</translation>
    </message>
    <message>
        <source>There is already an account with this name.</source>
        <translation>There is already an account with this name.</translation>
    </message>
    <message>
        <source>Logging in to {0}…</source>
        <translation>Logging in to {0}…</translation>
    </message>
</context>
<context>
    <name>ImportFlow</name>
    <message>
        <source>Import {0} cards</source>
        <translation>Import {0} cards</translation>
    </message>
    <message>
        <source>Undoing the import…</source>
        <translation>Undoing the import…</translation>
    </message>
    <message>
        <source>Reading business cards…</source>
        <translation>Reading business cards…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>Import failed</translation>
    </message>
    <message>
        <source>Nothing was imported; your contacts are unchanged.

{0}</source>
        <translation>Nothing was imported; your contacts are unchanged.

{0}</translation>
    </message>
    <message>
        <source>Import cancelled; nothing was changed.</source>
        <translation>Import cancelled; nothing was changed.</translation>
    </message>
    <message>
        <source>Importing business cards…</source>
        <translation>Importing business cards…</translation>
    </message>
    <message>
        <source>Imported {0} cards: {1} new, {2} merged, {3} rejected, {4} follow-ups planned. Ctrl+Z undoes the import.</source>
        <translation>Imported {0} cards: {1} new, {2} merged, {3} rejected, {4} follow-ups planned. Ctrl+Z undoes the import.</translation>
    </message>
    <message>
        <source>{0} already in your contacts, with nothing new.</source>
        <translation>{0} already in your contacts, with nothing new.</translation>
    </message>
    <message>
        <source>Import business cards</source>
        <translation>Import business cards</translation>
    </message>
    <message>
        <source>Business cards and photos (*.vcf *.vcard *.csv *.jpg *.jpeg *.png *.webp *.heic *.heif);;All files (*)</source>
        <translation>Business cards and photos (*.vcf *.vcard *.csv *.jpg *.jpeg *.png *.webp *.heic *.heif);;All files (*)</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <source>Import business cards</source>
        <translation>Import business cards</translation>
    </message>
    <message>
        <source>Where did you meet them?</source>
        <translation>Where did you meet them?</translation>
    </message>
    <message>
        <source>Not at an event</source>
        <translation>Not at an event</translation>
    </message>
    <message>
        <source>New event…</source>
        <translation>New event…</translation>
    </message>
    <message>
        <source>e.g. Chamber of Commerce breakfast</source>
        <translation>e.g. Chamber of Commerce breakfast</translation>
    </message>
    <message>
        <source> h</source>
        <translation> h</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <source>&amp;Cost</source>
        <translation>&amp;Cost</translation>
    </message>
    <message>
        <source>C&amp;urrency</source>
        <translation>C&amp;urrency</translation>
    </message>
    <message>
        <source>&amp;Hours, with travel</source>
        <translation>&amp;Hours, with travel</translation>
    </message>
    <message>
        <source>Cards to import</source>
        <translation>Cards to import</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Card</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>What happens</source>
        <translation>What happens</translation>
    </message>
    <message numerus="yes">
        <source>…and %n more new contact(s), not listed one by one.</source>
        <translation>
            <numerusform>…and %n more new contact, not listed one by one.</numerusform>
            <numerusform>…and %n more new contacts, not listed one by one.</numerusform>
        </translation>
    </message>
    <message>
        <source>Possible duplicates: choose on each one&apos;s row whether to merge it or keep both (keyboard: M merges, K keeps both).</source>
        <translation>Possible duplicates: choose on each one&apos;s row whether to merge it or keep both (keyboard: M merges, K keeps both).</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Import</translation>
    </message>
    <message>
        <source>{0} cards: {1} new, {2} merge into contacts you have, {3} possible duplicates to decide, {4} rejected.</source>
        <translation>{0} cards: {1} new, {2} merge into contacts you have, {3} possible duplicates to decide, {4} rejected.</translation>
    </message>
    <message>
        <source>{0} already in your contacts, with nothing new.</source>
        <translation>{0} already in your contacts, with nothing new.</translation>
    </message>
    <message>
        <source>New contact</source>
        <translation>New contact</translation>
    </message>
    <message>
        <source>Merges into {0}</source>
        <translation>Merges into {0}</translation>
    </message>
    <message>
        <source>Already in your contacts, nothing new</source>
        <translation>Already in your contacts, nothing new</translation>
    </message>
    <message>
        <source>Possible duplicate of {0} ({1})</source>
        <translation>Possible duplicate of {0} ({1})</translation>
    </message>
    <message>
        <source>Rejected: {0}</source>
        <translation>Rejected: {0}</translation>
    </message>
    <message>
        <source>Keep as a new contact</source>
        <translation>Keep as a new contact</translation>
    </message>
    <message>
        <source>Merge into {0}</source>
        <translation>Merge into {0}</translation>
    </message>
    <message>
        <source>What to do with {0}</source>
        <translation>What to do with {0}</translation>
    </message>
    <message>
        <source>Give the new event a name.</source>
        <translation>Give the new event a name.</translation>
    </message>
</context>
<context>
    <name>MailScan</name>
    <message>
        <source>Follow-ups marked done by mails or meetings: {0}</source>
        <translation>Follow-ups marked done by mails or meetings: {0}</translation>
    </message>
    <message>
        <source>&amp;Scan mail and calendars now</source>
        <translation>&amp;Scan mail and calendars now</translation>
    </message>
    <message>
        <source>Log mails and meetings with your contacts (headers only, on this computer)</source>
        <translation>Log mails and meetings with your contacts (headers only, on this computer)</translation>
    </message>
    <message>
        <source>&amp;People you write to…</source>
        <translation>&amp;People you write to…</translation>
    </message>
    <message>
        <source>&amp;Fading relationships…</source>
        <translation>&amp;Fading relationships…</translation>
    </message>
    <message>
        <source>Scanning mail and calendars</source>
        <translation>Scanning mail and calendars</translation>
    </message>
    <message>
        <source>Cancel scan</source>
        <translation>Cancel scan</translation>
    </message>
    <message>
        <source>Mail not scanned yet</source>
        <translation>Mail not scanned yet</translation>
    </message>
    <message>
        <source>Mail scanned {0}: {1} logged</source>
        <translation>Mail scanned {0}: {1} logged</translation>
    </message>
    <message>
        <source>, {0} follow-ups done</source>
        <translation>, {0} follow-ups done</translation>
    </message>
    <message>
        <source>No mailboxes or calendars yet: add them in Settings → Mail and calendars.</source>
        <translation>No mailboxes or calendars yet: add them in Settings → Mail and calendars.</translation>
    </message>
    <message>
        <source>Scan finished: {0} mails and meetings logged, {1} follow-ups done.</source>
        <translation>Scan finished: {0} mails and meetings logged, {1} follow-ups done.</translation>
    </message>
    <message>
        <source>Not read: {0}</source>
        <translation>Not read: {0}</translation>
    </message>
    <message>
        <source>The scan stopped: {0}</source>
        <translation>The scan stopped: {0}</translation>
    </message>
    <message>
        <source>Scan cancelled; what it had read is kept and the next scan carries on.</source>
        <translation>Scan cancelled; what it had read is kept and the next scan carries on.</translation>
    </message>
</context>
<context>
    <name>MailSettings</name>
    <message>
        <source>&amp;Mail and calendars</source>
        <translation>&amp;Mail and calendars</translation>
    </message>
    <message>
        <source>Mail and calendars settings</source>
        <translation>Mail and calendars settings</translation>
    </message>
    <message>
        <source>netdesk reads only the headers of your mail (who, to whom, when, the subject) and the attendees of your meetings, on this computer. Bodies are never read; nothing is uploaded.</source>
        <translation>netdesk reads only the headers of your mail (who, to whom, when, the subject) and the attendees of your meetings, on this computer. Bodies are never read; nothing is uploaded.</translation>
    </message>
    <message>
        <source>Mail accounts, mail folders and calendars</source>
        <translation>Mail accounts, mail folders and calendars</translation>
    </message>
    <message>
        <source>Add &amp;IMAP account…</source>
        <translation>Add &amp;IMAP account…</translation>
    </message>
    <message>
        <source>Add mail &amp;folder…</source>
        <translation>Add mail &amp;folder…</translation>
    </message>
    <message>
        <source>Add calendar &amp;file…</source>
        <translation>Add calendar &amp;file…</translation>
    </message>
    <message>
        <source>Find &amp;Thunderbird profiles</source>
        <translation>Find &amp;Thunderbird profiles</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Remove</translation>
    </message>
    <message>
        <source>Sync accounts whose calendars are read</source>
        <translation>Sync accounts whose calendars are read</translation>
    </message>
    <message>
        <source>Read the meetings in the calendars of these sync accounts:</source>
        <translation>Read the meetings in the calendars of these sync accounts:</translation>
    </message>
    <message>
        <source>Choose ca&amp;lendars…</source>
        <translation>Choose ca&amp;lendars…</translation>
    </message>
    <message>
        <source>one address per line: mail from these is mail you sent</source>
        <translation>one address per line: mail from these is mail you sent</translation>
    </message>
    <message>
        <source>My e-mail &amp;addresses</source>
        <translation>My e-mail &amp;addresses</translation>
    </message>
    <message>
        <source>addresses or domains, one per line</source>
        <translation>addresses or domains, one per line</translation>
    </message>
    <message>
        <source>&amp;Never log</source>
        <translation>&amp;Never log</translation>
    </message>
    <message>
        <source>A mail to more people than this is a &amp;bulk send</source>
        <translation>A mail to more people than this is a &amp;bulk send</translation>
    </message>
    <message>
        <source>A meeting with more people than this is not a &amp;one-to-one</source>
        <translation>A meeting with more people than this is not a &amp;one-to-one</translation>
    </message>
    <message>
        <source> days</source>
        <translation> days</translation>
    </message>
    <message>
        <source>A mail &amp;completes a follow-up due within</source>
        <translation>A mail &amp;completes a follow-up due within</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>only when I ask</source>
        <translation>only when I ask</translation>
    </message>
    <message>
        <source>&amp;Scan every</source>
        <translation>&amp;Scan every</translation>
    </message>
    <message>
        <source>Keep the &amp;subjects of mails and meetings</source>
        <translation>Keep the &amp;subjects of mails and meetings</translation>
    </message>
    <message>
        <source>IMAP account</source>
        <translation>IMAP account</translation>
    </message>
    <message>
        <source>Mail folder</source>
        <translation>Mail folder</translation>
    </message>
    <message>
        <source>Calendar file</source>
        <translation>Calendar file</translation>
    </message>
    <message>
        <source>last read {0}: {1} logged</source>
        <translation>last read {0}: {1} logged</translation>
    </message>
    <message>
        <source>No mailboxes or calendars yet: add one below.</source>
        <translation>No mailboxes or calendars yet: add one below.</translation>
    </message>
    <message>
        <source>No sync accounts: add one under Accounts to read its calendars.</source>
        <translation>No sync accounts: add one under Accounts to read its calendars.</translation>
    </message>
    <message>
        <source>{0} (calendars: {1})</source>
        <translation>{0} (calendars: {1})</translation>
    </message>
    <message>
        <source>A mail folder (mbox files or Maildir)</source>
        <translation>A mail folder (mbox files or Maildir)</translation>
    </message>
    <message>
        <source>A calendar file</source>
        <translation>A calendar file</translation>
    </message>
    <message>
        <source>Calendars (*.ics)</source>
        <translation>Calendars (*.ics)</translation>
    </message>
    <message>
        <source>Thunderbird mail folders added: {0}.</source>
        <translation>Thunderbird mail folders added: {0}.</translation>
    </message>
    <message>
        <source>No Thunderbird profile with mail was found (or it is already added).</source>
        <translation>No Thunderbird profile with mail was found (or it is already added).</translation>
    </message>
    <message>
        <source>Find Thunderbird profiles</source>
        <translation>Find Thunderbird profiles</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Stop reading {0}? What it logged stays on the contacts&apos; timelines.</source>
        <translation>Stop reading {0}? What it logged stays on the contacts&apos; timelines.</translation>
    </message>
    <message>
        <source>Its password could not be deleted from the keyring: {0}</source>
        <translation>Its password could not be deleted from the keyring: {0}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Add {0}</source>
        <translation>Add {0}</translation>
    </message>
    <message>
        <source>Edit {0}</source>
        <translation>Edit {0}</translation>
    </message>
    <message>
        <source>Search name, organisation, e-mail, phone, notes, tags…  (Ctrl+F)</source>
        <translation>Search name, organisation, e-mail, phone, notes, tags…  (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search contacts</source>
        <translation>Search contacts</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>No contacts match your search.</source>
        <translation>No contacts match your search.</translation>
    </message>
    <message>
        <source>Views</source>
        <translation>Views</translation>
    </message>
    <message>
        <source>&amp;Import business cards…</source>
        <translation>&amp;Import business cards…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>&amp;Back up now</translation>
    </message>
    <message>
        <source>&amp;Restore from backup…</source>
        <translation>&amp;Restore from backup…</translation>
    </message>
    <message>
        <source>&amp;New contact…</source>
        <translation>&amp;New contact…</translation>
    </message>
    <message>
        <source>&amp;Edit contact…</source>
        <translation>&amp;Edit contact…</translation>
    </message>
    <message>
        <source>&amp;Delete contact</source>
        <translation>&amp;Delete contact</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Redo</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Find</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Keyboard shortcuts</translation>
    </message>
    <message>
        <source>&amp;About netdesk</source>
        <translation>&amp;About netdesk</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>F&amp;ollow-ups</source>
        <translation>F&amp;ollow-ups</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Tools</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Main</translation>
    </message>
    <message numerus="yes">
        <source>{0} of %Ln contacts</source>
        <translation>
            <numerusform>{0} of %Ln contact</numerusform>
            <numerusform>{0} of %Ln contacts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln contacts</source>
        <translation>
            <numerusform>%Ln contact</numerusform>
            <numerusform>%Ln contacts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln due today</source>
        <translation>
            <numerusform>%Ln due today</numerusform>
            <numerusform>%Ln due today</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n contact(s). Press Ctrl+Z to undo.</source>
        <translation>
            <numerusform>Deleted %n contact. Press Ctrl+Z to undo.</numerusform>
            <numerusform>Deleted %n contacts. Press Ctrl+Z to undo.</numerusform>
        </translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>About netdesk</source>
        <translation>About netdesk</translation>
    </message>
    <message>
        <source>netdesk {0}
Contacts and follow-ups for people who grow through referrals.</source>
        <translation>netdesk {0}
Contacts and follow-ups for people who grow through referrals.</translation>
    </message>
    <message>
        <source>Backed up to {0}</source>
        <translation>Backed up to {0}</translation>
    </message>
</context>
<context>
    <name>MetAtEvent</name>
    <message>
        <source>Met at event</source>
        <translation>Met at event</translation>
    </message>
    <message>
        <source>New event…</source>
        <translation>New event…</translation>
    </message>
    <message>
        <source>e.g. Chamber breakfast</source>
        <translation>e.g. Chamber breakfast</translation>
    </message>
    <message>
        <source>&amp;Event</source>
        <translation>&amp;Event</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Date</translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s) newly met at {0}</source>
        <translation>
            <numerusform>%n contact newly met at {0}</numerusform>
            <numerusform>%n contacts newly met at {0}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n follow-up(s) planned</source>
        <translation>
            <numerusform>%n follow-up planned</numerusform>
            <numerusform>%n follow-ups planned</numerusform>
        </translation>
    </message>
    <message>
        <source>Name: give the new event a name.</source>
        <translation>Name: give the new event a name.</translation>
    </message>
    <message>
        <source>&amp;Met at event…</source>
        <translation>&amp;Met at event…</translation>
    </message>
    <message>
        <source>Not recorded: {0}</source>
        <translation>Not recorded: {0}</translation>
    </message>
</context>
<context>
    <name>MetAtEventDialog</name>
    <message numerus="yes">
        <source>%n contact(s) will be recorded as met there. Those not yet linked to the event get the follow-up playbook planned (thank-you, meeting, share content).</source>
        <translation>
            <numerusform>%n contact will be recorded as met there. Those not yet linked to the event get the follow-up playbook planned (thank-you, meeting, share content).</numerusform>
            <numerusform>%n contacts will be recorded as met there. Those not yet linked to the event get the follow-up playbook planned (thank-you, meeting, share content).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RankedEvents</name>
    <message>
        <source>no cost</source>
        <translation>no cost</translation>
    </message>
    <message>
        <source>mixed currencies</source>
        <translation>mixed currencies</translation>
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
        <translation>Event</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Organiser</source>
        <translation>Organiser</translation>
    </message>
    <message>
        <source>Full cost</source>
        <translation>Full cost</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>Won</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>Return</translation>
    </message>
    <message>
        <source>Meetings</source>
        <translation>Meetings</translation>
    </message>
    <message>
        <source>Cost per meeting</source>
        <translation>Cost per meeting</translation>
    </message>
    <message>
        <source>Referrals received / given</source>
        <translation>Referrals received / given</translation>
    </message>
    <message>
        <source>Cost per referral</source>
        <translation>Cost per referral</translation>
    </message>
</context>
<context>
    <name>Reasons</name>
    <message>
        <source>same e-mail {0}</source>
        <translation>same e-mail {0}</translation>
    </message>
    <message>
        <source>same phone {0}</source>
        <translation>same phone {0}</translation>
    </message>
    <message>
        <source>similar name at {0}</source>
        <translation>similar name at {0}</translation>
    </message>
    <message>
        <source>cannot create the folder {0}: {1}</source>
        <translation>cannot create the folder {0}: {1}</translation>
    </message>
    <message>
        <source>cannot open the database {0}: {1}</source>
        <translation>cannot open the database {0}: {1}</translation>
    </message>
    <message>
        <source>cannot read the database {0}: permission denied</source>
        <translation>cannot read the database {0}: permission denied</translation>
    </message>
    <message>
        <source>{0} is not a netdesk database (not an SQLite file)</source>
        <translation>{0} is not a netdesk database (not an SQLite file)</translation>
    </message>
    <message>
        <source>not an SQLite database: the file is damaged or something else</source>
        <translation>not an SQLite database: the file is damaged or something else</translation>
    </message>
    <message>
        <source>it cannot be read; check its permissions</source>
        <translation>it cannot be read; check its permissions</translation>
    </message>
    <message>
        <source>damaged: {0}</source>
        <translation>damaged: {0}</translation>
    </message>
</context>
<context>
    <name>ReferralDialog</name>
    <message>
        <source>Referral</source>
        <translation>Referral</translation>
    </message>
    <message>
        <source>I gave it</source>
        <translation>I gave it</translation>
    </message>
    <message>
        <source>I received it</source>
        <translation>I received it</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Direction</translation>
    </message>
    <message>
        <source>&amp;Direction</source>
        <translation>&amp;Direction</translation>
    </message>
    <message>
        <source>Referred by or referred</source>
        <translation>Referred by or referred</translation>
    </message>
    <message>
        <source>&amp;Contact (sent it / got it)</source>
        <translation>&amp;Contact (sent it / got it)</translation>
    </message>
    <message>
        <source>Introduced to or client</source>
        <translation>Introduced to or client</translation>
    </message>
    <message>
        <source>&amp;To / client</source>
        <translation>&amp;To / client</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>D&amp;ate</source>
        <translation>D&amp;ate</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>D&amp;escription</source>
        <translation>D&amp;escription</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Meeting held</source>
        <translation>Meeting held</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>Won</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>Lost</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>&amp;Status</source>
        <translation>&amp;Status</translation>
    </message>
    <message>
        <source>Value of the business</source>
        <translation>Value of the business</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Currency</translation>
    </message>
    <message>
        <source>&amp;Value when won</source>
        <translation>&amp;Value when won</translation>
    </message>
    <message>
        <source>Event where the relationship started</source>
        <translation>Event where the relationship started</translation>
    </message>
    <message>
        <source>&amp;Met at event</source>
        <translation>&amp;Met at event</translation>
    </message>
    <message>
        <source>Contact: choose who sent you the referral or whom you referred.</source>
        <translation>Contact: choose who sent you the referral or whom you referred.</translation>
    </message>
</context>
<context>
    <name>ReferralsPage</name>
    <message>
        <source>Referrals</source>
        <translation>Referrals</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Direction</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>To / client</source>
        <translation>To / client</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>No referrals yet. Record the ones you give and receive: networking works when both directions flow.</source>
        <translation>No referrals yet. Record the ones you give and receive: networking works when both directions flow.</translation>
    </message>
    <message>
        <source>&amp;New referral…</source>
        <translation>&amp;New referral…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Edit…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <source>open</source>
        <translation>open</translation>
    </message>
    <message>
        <source>meeting held</source>
        <translation>meeting held</translation>
    </message>
    <message>
        <source>won</source>
        <translation>won</translation>
    </message>
    <message>
        <source>lost</source>
        <translation>lost</translation>
    </message>
    <message>
        <source>given</source>
        <translation>given</translation>
    </message>
    <message>
        <source>received</source>
        <translation>received</translation>
    </message>
    <message>
        <source>Add referral</source>
        <translation>Add referral</translation>
    </message>
    <message>
        <source>Edit referral</source>
        <translation>Edit referral</translation>
    </message>
    <message>
        <source>Delete referral</source>
        <translation>Delete referral</translation>
    </message>
    <message>
        <source>Say thank you?</source>
        <translation>Say thank you?</translation>
    </message>
    <message>
        <source>The business is won. Plan a thank-you to the person who referred it?</source>
        <translation>The business is won. Plan a thank-you to the person who referred it?</translation>
    </message>
</context>
<context>
    <name>Reminders</name>
    <message>
        <source>Show netdesk</source>
        <translation>Show netdesk</translation>
    </message>
    <message>
        <source>netdesk — {0} follow-ups due</source>
        <translation>netdesk — {0} follow-ups due</translation>
    </message>
    <message>
        <source>Follow-ups due</source>
        <translation>Follow-ups due</translation>
    </message>
    <message>
        <source>{0} follow-ups are due today or overdue.</source>
        <translation>{0} follow-ups are due today or overdue.</translation>
    </message>
    <message>
        <source>Follow-up due</source>
        <translation>Follow-up due</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Restore from backup</source>
        <translation>Restore from backup</translation>
    </message>
    <message>
        <source>Choose a backup to go back to. Your current contacts are saved as a backup first, so you can undo the restore (Ctrl+Z).</source>
        <translation>Choose a backup to go back to. Your current contacts are saved as a backup first, so you can undo the restore (Ctrl+Z).</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Backups</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>Made</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Why</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Events</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>Follow-ups</translation>
    </message>
    <message>
        <source>daily</source>
        <translation>daily</translation>
    </message>
    <message>
        <source>made by you</source>
        <translation>made by you</translation>
    </message>
    <message>
        <source>before a restore</source>
        <translation>before a restore</translation>
    </message>
    <message>
        <source>before an upgrade</source>
        <translation>before an upgrade</translation>
    </message>
    <message>
        <source>before a deletion from the command line</source>
        <translation>before a deletion from the command line</translation>
    </message>
    <message>
        <source>when netdesk closed</source>
        <translation>when netdesk closed</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Restore</translation>
    </message>
    <message>
        <source>There are no backups yet.</source>
        <translation>There are no backups yet.</translation>
    </message>
    <message>
        <source>Restored the backup. Ctrl+Z goes back to what you had before.</source>
        <translation>Restored the backup. Ctrl+Z goes back to what you had before.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation>&amp;General</translation>
    </message>
    <message>
        <source>&amp;Playbook</source>
        <translation>&amp;Playbook</translation>
    </message>
    <message>
        <source>&amp;Keep in touch</source>
        <translation>&amp;Keep in touch</translation>
    </message>
    <message>
        <source>Settings pages</source>
        <translation>Settings pages</translation>
    </message>
    <message>
        <source>Signs your messages: {my_name}</source>
        <translation>Signs your messages: {my_name}</translation>
    </message>
    <message>
        <source>Your &amp;name</source>
        <translation>Your &amp;name</translation>
    </message>
    <message>
        <source>&amp;Messages in</source>
        <translation>&amp;Messages in</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>System language</translation>
    </message>
    <message>
        <source>&amp;Interface language</source>
        <translation>&amp;Interface language</translation>
    </message>
    <message>
        <source>from your locale, e.g. ES</source>
        <translation>from your locale, e.g. ES</translation>
    </message>
    <message>
        <source>Phone &amp;region</source>
        <translation>Phone &amp;region</translation>
    </message>
    <message>
        <source>Hourly rate</source>
        <translation>Hourly rate</translation>
    </message>
    <message>
        <source>Currency of the hourly rate</source>
        <translation>Currency of the hourly rate</translation>
    </message>
    <message>
        <source>Your &amp;hourly rate</source>
        <translation>Your &amp;hourly rate</translation>
    </message>
    <message>
        <source>Start netdesk when I log in</source>
        <translation>Start netdesk when I log in</translation>
    </message>
    <message>
        <source>Remind me when follow-ups fall due</source>
        <translation>Remind me when follow-ups fall due</translation>
    </message>
    <message>
        <source>Backups to keep</source>
        <translation>Backups to keep</translation>
    </message>
    <message>
        <source>&amp;Backups to keep</source>
        <translation>&amp;Backups to keep</translation>
    </message>
    <message>
        <source>Playbook steps</source>
        <translation>Playbook steps</translation>
    </message>
    <message>
        <source>On</source>
        <translation>On</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>After (days)</source>
        <translation>After (days)</translation>
    </message>
    <message>
        <source>Intent</source>
        <translation>Intent</translation>
    </message>
    <message>
        <source>&amp;Add step</source>
        <translation>&amp;Add step</translation>
    </message>
    <message>
        <source>&amp;Remove step</source>
        <translation>&amp;Remove step</translation>
    </message>
    <message>
        <source>Never plan follow-ups on a weekend</source>
        <translation>Never plan follow-ups on a weekend</translation>
    </message>
    <message>
        <source>Placeholders: {0}</source>
        <translation>Placeholders: {0}</translation>
    </message>
    <message>
        <source>Template &amp;language</source>
        <translation>Template &amp;language</translation>
    </message>
    <message>
        <source>&amp;Subject</source>
        <translation>&amp;Subject</translation>
    </message>
    <message>
        <source>&amp;Body</source>
        <translation>&amp;Body</translation>
    </message>
    <message>
        <source>Kind of step {0}</source>
        <translation>Kind of step {0}</translation>
    </message>
    <message>
        <source>Days until step {0}</source>
        <translation>Days until step {0}</translation>
    </message>
    <message>
        <source>Intent of step {0}</source>
        <translation>Intent of step {0}</translation>
    </message>
    <message>
        <source>Thank-you</source>
        <translation>Thank-you</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Meeting</translation>
    </message>
    <message>
        <source>Share content</source>
        <translation>Share content</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Call</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Give</source>
        <translation>Give</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Connect</translation>
    </message>
    <message>
        <source>Ask</source>
        <translation>Ask</translation>
    </message>
    <message>
        <source>Tiers</source>
        <translation>Tiers</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Tier</translation>
    </message>
    <message>
        <source>Every (days)</source>
        <translation>Every (days)</translation>
    </message>
    <message>
        <source>Add &amp;tier</source>
        <translation>Add &amp;tier</translation>
    </message>
    <message>
        <source>Give each contact a tier (or a cadence of their own) and netdesk reminds you to reconnect when that many days pass without a touchpoint.</source>
        <translation>Give each contact a tier (or a cadence of their own) and netdesk reminds you to reconnect when that many days pass without a touchpoint.</translation>
    </message>
</context>
<context>
    <name>SuggestionsDialog</name>
    <message>
        <source>People you write to</source>
        <translation>People you write to</translation>
    </message>
    <message>
        <source>You exchange personal mail with these people, but they are not contacts. Add the ones that matter; nobody is added without you.</source>
        <translation>You exchange personal mail with these people, but they are not contacts. Add the ones that matter; nobody is added without you.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Sent</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Last</source>
        <translation>Last</translation>
    </message>
    <message>
        <source>No suggestions: everyone you write to is a contact.</source>
        <translation>No suggestions: everyone you write to is a contact.</translation>
    </message>
    <message>
        <source>&amp;Add as contact</source>
        <translation>&amp;Add as contact</translation>
    </message>
    <message>
        <source>&amp;Not a contact</source>
        <translation>&amp;Not a contact</translation>
    </message>
    <message numerus="yes">
        <source>Add %n suggested contact(s)</source>
        <translation>
            <numerusform>Add %n suggested contact</numerusform>
            <numerusform>Add %n suggested contacts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Not a contact: %n e-mail(s)</source>
        <translation>
            <numerusform>Not a contact: %n e-mail</numerusform>
            <numerusform>Not a contact: %n e-mails</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncMenu</name>
    <message>
        <source>Sync status</source>
        <translation>Sync status</translation>
    </message>
    <message>
        <source>Open the sync conflicts</source>
        <translation>Open the sync conflicts</translation>
    </message>
    <message>
        <source>&amp;Sync now</source>
        <translation>&amp;Sync now</translation>
    </message>
    <message>
        <source>&amp;Resolve sync conflicts…</source>
        <translation>&amp;Resolve sync conflicts…</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Password for {0} on {1}:</source>
        <translation>Password for {0} on {1}:</translation>
    </message>
    <message>
        <source>No sync account yet: add one in Settings → Accounts</source>
        <translation>No sync account yet: add one in Settings → Accounts</translation>
    </message>
    <message>
        <source>Sync cancelled</source>
        <translation>Sync cancelled</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <source>Synced {0}: {1} received, {2} sent</source>
        <translation>Synced {0}: {1} received, {2} sent</translation>
    </message>
    <message numerus="yes">
        <source>%n sync conflict(s)</source>
        <translation>
            <numerusform>%n sync conflict</numerusform>
            <numerusform>%n sync conflicts</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose which versions to keep</source>
        <translation>Choose which versions to keep</translation>
    </message>
    <message>
        <source>Sync failed: {0}</source>
        <translation>Sync failed: {0}</translation>
    </message>
</context>
<context>
    <name>startup</name>
    <message>
        <source>netdesk cannot open its database</source>
        <translation>netdesk cannot open its database</translation>
    </message>
    <message>
        <source>Recovering what can still be read…</source>
        <translation>Recovering what can still be read…</translation>
    </message>
    <message>
        <source>contacts: {0}, events: {1}, planned follow-ups: {2}; rows that could not be read: {3}</source>
        <translation>contacts: {0}, events: {1}, planned follow-ups: {2}; rows that could not be read: {3}</translation>
    </message>
    <message>
        <source>The database {0} is damaged ({1}) and there is no backup to restore. netdesk has not changed the file; keep a copy of it before trying anything.</source>
        <translation>The database {0} is damaged ({1}) and there is no backup to restore. netdesk has not changed the file; keep a copy of it before trying anything.</translation>
    </message>
    <message>
        <source>The database is damaged</source>
        <translation>The database is damaged</translation>
    </message>
    <message>
        <source>The database {0} is damaged ({1}).</source>
        <translation>The database {0} is damaged ({1}).</translation>
    </message>
    <message>
        <source>Recovered from it: {0}.</source>
        <translation>Recovered from it: {0}.</translation>
    </message>
    <message>
        <source>Use what was &amp;recovered</source>
        <translation>Use what was &amp;recovered</translation>
    </message>
    <message>
        <source>Newest good backup: {0}.</source>
        <translation>Newest good backup: {0}.</translation>
    </message>
    <message>
        <source>Restore the &amp;backup</source>
        <translation>Restore the &amp;backup</translation>
    </message>
    <message>
        <source>The damaged file is kept as a backup whichever you choose.</source>
        <translation>The damaged file is kept as a backup whichever you choose.</translation>
    </message>
    <message>
        <source>Restore failed</source>
        <translation>Restore failed</translation>
    </message>
    <message>
        <source>{0}, made {1} (contacts: {2}, events: {3}, planned follow-ups: {4})</source>
        <translation>{0}, made {1} (contacts: {2}, events: {3}, planned follow-ups: {4})</translation>
    </message>
</context>
</TS>
