site-name = DiAS Portal
skip-to-content = Skip to content
switch-language = Deutsch
nav-main-label = Main navigation
nav-home = Home
nav-districts = Districts and municipalities
nav-search = Search
nav-account = My account
nav-admin = Administration
nav-login = Sign in
nav-logout = Sign out
nav-register = Register
breadcrumbs-label = Breadcrumbs
footer-about = About this portal
footer-legal = Legal
footer-note = Digitalagentur Sachsen – information quickly and from one hand. This portal sets no tracking cookies and loads nothing from other servers.
page-imprint = Imprint
page-privacy = Privacy
page-accessibility = Accessibility statement
page-easy-language = Leichte Sprache (Easy German)
page-sign-language = Sign language
page-data-sources = Data sources
data-sources-intro = The portal uses official reference data on Saxony's districts and municipalities. This page lists each file's origin, licence and required attribution.
data-sources-link = Data sources and licences
required = required
save = Save
copy = Copy

home-title = Home
home-heading = Digitalagentur Sachsen
home-lead = Your point of contact for digital transformation in Saxony: information quickly and from one hand – for citizens, companies, municipalities and civil society.
home-audiences = What are you looking for?
home-modules = What the portal offers
home-contact = Questions for the agency
home-contact-text = Can't find what you need? The Digitalagentur Sachsen answers your questions on digitalisation, funding, broadband and artificial intelligence.
audience-citizens = Citizens
audience-citizens-text = Help shape the Free State's digital strategy and learn about digital services.
audience-citizens-link = Take part
audience-companies = Companies
audience-companies-text = Find funding programmes and advice for your digitalisation projects.
audience-companies-link = Find funding
audience-municipalities = Municipalities
audience-municipalities-text = Support for gigabit expansion, key figures for your district and municipality.
audience-municipalities-link = Districts and municipalities
audience-ai = AI actors
audience-ai-text = Connect with companies, universities and research institutions working on artificial intelligence in Saxony.
audience-ai-link = AI network

search-title = Search
search-title-for = Search for “{ $q }”
search-label = Search term
search-hint = Several words narrow the search. Umlauts and word forms are taken into account.
search-button = Search
search-filter-kind = Type of content
search-all-kinds = All content
search-no-results = No results. Try other or fewer words.
search-result-count = { $count ->
    [0] No results
    [one] One result
   *[other] { $count } results
}
search-too-long = The search term is too long (at most 200 characters).
search-kind-page = Page
search-kind-district = District
search-kind-other = Content

districts-title = Districts and municipalities in Saxony
districts-lead = Saxony has 10 rural districts and 3 district-free cities with { $population } inhabitants in total (census 2022).
districts-map-title = Population density of the districts
districts-map-description = Map of Saxony's 13 districts, shaded by inhabitants per square kilometre. The values are in the table below the map.
districts-density-value = { $value } inhabitants per km²
districts-legend-upto = up to { $value } inhabitants per km²
districts-table-title = All districts
districts-chart-title = Inhabitants per district
districts-chart-description = Bar chart of the population of each district, largest first.
district-map-title = Location of { $name } and its municipalities
district-map-description = Map of Saxony; the district is highlighted and each municipality is drawn as a point. The municipalities are also listed in the table.
district = District
district-kind = Type
municipality = Municipality
municipalities-title = Municipalities
municipalities-count = Municipalities
population = Inhabitants
area-km2 = Area (km²)
ags = Official municipality key
postcode = Postcode
chart-table-summary = Data as a table

pagination-label = Pagination
pagination-prev = Previous page
pagination-next = Next page
pagination-page = Page

error-title-prefix = Error:
error-summary-title = Please correct the following
error-required = Please fill in this field.
error-too-long = The entry is too long.
error-email-invalid = Please enter a valid e-mail address, for example name@example.org.
error-password-too-short = The password must be at least 12 characters long.
error-password-weak = This password is too easy to guess. Choose a longer sequence of words that does not contain your name or e-mail address.
error-password-mismatch = The two passwords do not match.
error-password-wrong = The password is not correct.
error-accept-privacy = Please confirm that you have read the privacy notice.
error-invalid-choice = Please choose one of the options offered.
error-login-failed = E-mail address or password is not correct.
error-login-not-verified = Please confirm your e-mail address first, using the link in our e-mail.
error-login-blocked = This account is blocked. Please contact the agency.
error-login-delayed = Too many failed attempts. Please wait { $seconds } seconds and try again.
error-totp-wrong = The code is wrong or has expired. Enter the current six-digit code.
error-cannot-demote-self = You cannot remove your own administration rights.
error-cannot-block-self = You cannot block your own account.
error-page-number = This page number does not exist.
error-next-steps = Where to go next:
error-status = Status
error-request-id = Error ID
error-not-found = This page does not exist or no longer exists. Check the address or use the search.
error-not-found-title = Page not found
error-forbidden = You are not allowed to open this page.
error-forbidden-title = Access denied
error-csrf = The form has expired or did not come from this website. Please reload the page and send it again.
error-csrf-title = Security check failed
error-bad-request = The data sent is not valid.
error-bad-request-title = Invalid input
error-payload-too-large = The data sent is too large.
error-form-unreadable = The form could not be read (a field came more than once or had an invalid value). Please reload the page and send the form again.
error-upload-unreadable = The form with the file could not be read. Please choose the file again and send the form once more.
error-payload-too-large-title = The data sent is too large
error-headers-too-large = The request had too many or too long headers, often because of too many or too large cookies. Please delete this website's cookies in your browser and reload the page.
error-headers-too-large-title = Too many or too long request headers
error-too-many-requests = Too many page requests in a short time. Please wait a moment.
error-too-many-requests-title = Too many page requests
error-conflict = This is not possible at the moment.
error-conflict-title = Not possible now
error-internal = An internal error occurred. Please try again later. If you contact us about it, please quote the error ID.
error-internal-title = Internal error

field-email = E-mail address
field-email-hint = We will send you a link to confirm the address.
field-display-name = Display name
field-display-name-hint = Your contributions appear under this name. You may choose a pseudonym.
field-password = Password
field-password-hint = At least 12 characters. A sequence of several words is safe and easy to remember.
field-password-confirm = Repeat password
field-new-password = New password
field-current-password = Current password
field-accept-privacy = I have read the privacy notice.
field-locale = Language
field-role = Role
field-code = Six-digit code
field-code-hint = Your authenticator app shows the code.

register-title = Register
register-intro = With an account you can take part, save offers and receive notifications.
register-button = Register
register-have-account = Already have an account?
register-done-title = Please confirm your e-mail address
register-done-text = We have sent you an e-mail. Open the link in it to activate your account. The link is valid for 48 hours.
verify-title = Confirm e-mail address
verify-text = Confirm with one click that this e-mail address belongs to you.
verify-button = Confirm e-mail address
verify-invalid-title = Invalid link
verify-invalid-text = This confirmation link has expired or was already used. Sign in or register again.
login-title = Sign in
login-button = Sign in
second-factor-title = Second factor
totp-setup-title = Set up a second factor
totp-required = Administration accounts must use a second factor.
totp-step-app = Open an authenticator app (for example FreeOTP or Aegis).
totp-step-secret = Add an account with this key:
totp-step-code = Enter the six-digit code the app shows.
totp-url = Set-up address for apps that can import it:
totp-activate = Activate
totp-active = Second factor active
totp-inactive = No second factor set up.
forgot-title = Forgot password
forgot-intro = Enter your e-mail address. If there is an account for it, we will send you a link to reset your password.
forgot-button = Request link
forgot-sent-title = E-mail on its way
forgot-sent-text = If there is an account for this address, you will receive an e-mail in a few minutes. The link is valid for one hour.
reset-title = Set a new password
reset-button = Save password
reset-invalid-title = Invalid link
reset-invalid-text = This link has expired or was already used. Request a new one.

account-title = My account
account-nav-label = Account sections
profile-title = Profile
notifications-title = Notifications
notifications-legend = How often would you like e-mails?
notifications-hint = Applies to news about content you follow. In the portal you always see notifications.
notify-immediately = Immediately
notify-daily = Daily digest
notify-weekly = Weekly digest
notify-off = No e-mails
security-title = Security
password-change-title = Change password
password-change-button = Change password
sessions-title = Signed-in devices
sessions-count = { $count ->
    [one] You are signed in on one device.
   *[other] You are signed in on { $count } devices.
}
logout-everywhere = Sign out everywhere
export-link = Export my data
delete-title = Delete account
delete-intro = If you delete your account, we remove your e-mail address, your name and your password. Your contributions remain under the name “Deleted account”. This cannot be undone.
delete-password-hint = For your security, please enter your password.
delete-button = Delete account
delete-confirm = Do you really want to delete your account for good?

role-participant = Participant
role-representative = Actor representative
role-operator = Network operator
role-municipality = Municipality
role-moderator = Moderation
role-staff = Editorial staff
role-admin = Administration

admin-title = Administration
admin-nav-label = Administration sections
admin-overview = Overview
admin-users = User accounts
admin-users-search = Search by e-mail address or start of name
admin-users-search-hint = For example anna@example.org or Anna
admin-all-roles = All roles
admin-users-count = { $count ->
    [one] One account
   *[other] { $count } accounts
}
admin-status = Status
admin-created = Created
admin-active = Active
admin-blocked = Blocked
admin-unverified = Not confirmed
admin-change-role = Change role
admin-save-role = Save role
admin-block = Block account
admin-unblock = Lift block
admin-block-reason = Reason for blocking
admin-block-reason-hint = The reason is recorded in the audit log.
admin-audit = Audit log
admin-mailbox = Outbox
admin-mailbox-intro = All e-mails the portal has sent or is about to send. In development mode e-mails are only stored here and never sent.
admin-jobs = Background jobs
admin-reindex = Rebuild search index
admin-search-docs = Documents in the search index
audit-at = Time
audit-actor = Person
audit-action = Action
audit-target = Subject
audit-details = Details
audit-user-role-changed = Role changed
audit-user-blocked = Account blocked
audit-user-unblocked = Block lifted
audit-account-totp-enabled = Second factor set up
audit-job-started = Job started
mail-to = Recipient
mail-subject = Subject
mail-created = Created
job-kind = Kind
job-progress = Progress
job-status-queued = Waiting
job-status-running = Running
job-status-done = Done
job-status-failed = Failed

notice-email-bestaetigt = Your e-mail address is confirmed. You can sign in now.
notice-abgemeldet = You are signed out.
notice-ueberall-abgemeldet = You are signed out on all devices.
notice-passwort-geaendert = Your password has been changed.
notice-gespeichert = Your changes have been saved.
notice-zweiter-faktor-aktiv = The second factor is set up.
notice-konto-geloescht = Your account has been deleted.
notice-rolle-gespeichert = The role has been changed.
notice-gesperrt = The account has been blocked.
notice-entsperrt = The block has been lifted.
notice-aufgabe-gestartet = The job has been started.

mail-verify-subject = Please confirm your e-mail address
mail-verify-body = Hello { $name },

    you registered on the portal of the Digitalagentur Sachsen. Please confirm your e-mail address with this link (valid for 48 hours):

    { $url }

    If you did not register, you can ignore this e-mail.

    Your Digitalagentur Sachsen
mail-already-registered-subject = Registration with your e-mail address
mail-already-registered-body = Hello,

    someone tried to register on the portal of the Digitalagentur Sachsen with your e-mail address. You already have an account. If you forgot your password, reset it here:

    { $url }

    Your Digitalagentur Sachsen
mail-reset-subject = Reset password
mail-reset-body = Hello { $name },

    use this link to set a new password (valid for one hour):

    { $url }

    If you did not ask for this, ignore this e-mail; your password stays unchanged.

    Your Digitalagentur Sachsen

## Notifications
notif-nav = Notifications
notif-nav-unread = unread
notif-inbox-title = Your notifications
notif-inbox-lead = News about contributions you follow and replies to your own contributions.
notif-unread-count = { $count ->
    [0] No unread notifications.
    [one] One unread notification.
   *[other] { $count } unread notifications.
}
notif-empty = You have no notifications yet. Follow a participation process, a proposal or a change suggestion to hear about news.
notif-unread = New
notif-mark-read = Mark as read
notif-mark-all-read = Mark all as read
notif-settings-title = E-mail notifications
notif-received = Received on
notice-notif-gelesen = The notification is marked as read.
notice-notif-alle-gelesen = All notifications are marked as read.
notif-follow = Follow
notif-unfollow = Unfollow
notif-following = You follow this and will be notified of news.
notif-not-following = Follow this to be notified of news.
notice-notif-gefolgt = You now follow this.
notice-notif-entfolgt = You no longer follow this.
notif-mail-subject-one = Digitalagentur Sachsen: { $headline }
notif-mail-subject-many = Digitalagentur Sachsen: { $count } new notifications
notif-mail-subject-daily = Your daily summary: { $count ->
    [one] one notification
   *[other] { $count } notifications
}
notif-mail-subject-weekly = Your weekly summary: { $count ->
    [one] one notification
   *[other] { $count } notifications
}
notif-mail-greeting = Hello { $name },
notif-mail-intro = there is news on the portal of the Digitalagentur Sachsen:
notif-mail-intro-daily = here is your daily summary of news on the portal of the Digitalagentur Sachsen:
notif-mail-intro-weekly = here is your weekly summary of news on the portal of the Digitalagentur Sachsen:
notif-mail-more = … and { $count } more. You find all of them on the portal.
notif-mail-footer =
    All notifications: { $list }
    Choose how often you get e-mails here: { $settings }

    Your Digitalagentur Sachsen

## Reporting (every module, dias_core::moderation)
report-reason-spam = Spam or advertising
report-reason-offensive = Offensive or degrading
report-reason-off_topic = Off topic
report-reason-other = Other
report-own-content = You cannot report your own contributions.
report-target-hidden = This content is already hidden and is being reviewed by the moderators.
report-duplicate = You have already reported this content. The moderators are taking care of it.
report-error-note-required = Please describe briefly what is wrong with the content.
