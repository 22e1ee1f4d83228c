/**
 * The web app's words, one dictionary per language. Vietnamese is the reference: its keys are the
 * type every other language must fill. `{name}` marks a value filled in by `translate`.
 */
import type { ServiceMessageKey } from './i18n-services.ts';
import type { StoreMessageKey } from './i18n-store.ts';

export type Language = 'vi' | 'en';

export const languages: readonly Language[] = ['vi', 'en'];

const vi = {
  'app.name': 'Tỉnh số',
  'app.portal': 'Cổng dịch vụ công',
  'app.portalOf': 'Cổng dịch vụ công {province}',
  'app.skipToContent': 'Bỏ qua, đến nội dung chính',
  'app.loading': 'Đang tải…',
  'app.loadFailed': 'Không tải được dữ liệu. Vui lòng thử lại.',
  'app.networkError': 'Không kết nối được máy chủ. Vui lòng thử lại.',

  'nav.label': 'Điều hướng chính',
  'nav.home': 'Trang chủ',
  'nav.units': 'Đơn vị hành chính',
  'nav.account': 'Tài khoản',
  'nav.officerInbox': 'Hồ sơ cần xử lý',
  'nav.officerIntake': 'Tiếp nhận tại quầy',
  'nav.leaders': 'Điều hành',
  'nav.complaints': 'Phản ánh, kiến nghị',
  'nav.catalogueAdmin': 'Quản trị thủ tục',
  'nav.switchLanguage': 'English',
  'nav.switchLanguageHint': 'Switch to English',
  'nav.signedInAs': 'Đang đăng nhập: {name}',

  'footer.api': 'Tài liệu API',
  'footer.verify': 'Kiểm tra văn bản điện tử',
  'footer.sandbox': 'Bản thử nghiệm: VNeID ở đây là môi trường sandbox, không dùng tài khoản định danh thật.',
  'footer.license': 'Mã nguồn mở, giấy phép MIT.',

  'home.title': 'Dịch vụ công trực tuyến, một cửa cho mọi thủ tục',
  'home.intro': 'Nộp hồ sơ, theo dõi tiến độ và nhận kết quả thủ tục hành chính ở bất cứ đâu trong thành phố, không phải đi lại nhiều lần.',
  'home.citizenSignIn': 'Đăng nhập bằng VNeID (sandbox)',
  'home.officerSignIn': 'Cán bộ đăng nhập',
  'home.audiences': 'Dành cho ai',
  'home.citizens.title': 'Người dân và doanh nghiệp',
  'home.citizens.body': 'Đăng nhập bằng định danh điện tử, nộp hồ sơ trực tuyến, dùng lại giấy tờ đã số hoá và nhận kết quả điện tử.',
  'home.officers.title': 'Cán bộ một cửa',
  'home.officers.body': 'Tiếp nhận, xử lý và trả kết quả hồ sơ đúng hạn, với hạn xử lý và phiếu hẹn tính tự động.',
  'home.leaders.title': 'Lãnh đạo',
  'home.leaders.body': 'Theo dõi chỉ số phục vụ người dân, hồ sơ sắp đến hạn, quá hạn và mức độ chuyển đổi số của từng đơn vị.',
  'home.unitsTeaser.title': 'Đơn vị hành chính',
  'home.unitsTeaser.body': 'Tra cứu xã, phường, đặc khu của thành phố và các đơn vị cũ đã sáp nhập từ ngày 01/07/2025.',
  'home.unitsTeaser.link': 'Tra cứu đơn vị hành chính',
  'home.loginError': 'Đăng nhập không thành công: {message}',
  'home.loginErrorUnknown': 'Đăng nhập không thành công (mã lỗi {code}).',

  'units.title': 'Đơn vị hành chính',
  'units.intro': 'Các xã, phường, đặc khu trực thuộc {province} hiện nay. Chọn một đơn vị để xem lịch sử sáp nhập.',
  'units.filterLabel': 'Lọc theo tên hoặc mã',
  'units.filterHint': 'Gõ không dấu cũng được, ví dụ “tam long”.',
  'units.count': 'Hiển thị {shown} trên {total} đơn vị',
  'units.none': 'Không có đơn vị nào khớp với “{query}”.',
  'units.code': 'Mã {code}',
  'units.formerTitle': 'Đơn vị cũ (trước 01/07/2025) khớp với “{query}”',
  'units.formerHint': 'Các đơn vị này đã được sắp xếp lại; chọn để xem đơn vị tiếp nhận.',
  'units.details': 'Lịch sử của {name}',
  'units.validFrom': 'Hiệu lực từ {date}',
  'units.validTo': 'Hiệu lực đến {date}',
  'units.predecessors': 'Hình thành từ',
  'units.successors': 'Được sắp xếp vào',
  'units.noHistory': 'Không có thay đổi nào được ghi nhận.',
  'units.kind.full': 'toàn bộ',
  'units.kind.partial': 'một phần',
  'units.linkLine': '{name} ({kind}), từ ngày {date}',
  'units.province': 'thuộc {name}',

  'officer.title': 'Cán bộ đăng nhập',
  'officer.intro': 'Dành cho cán bộ, công chức tiếp nhận và xử lý hồ sơ.',
  'officer.username': 'Tên đăng nhập',
  'officer.password': 'Mật khẩu',
  'officer.totp': 'Mã xác thực (6 số)',
  'officer.totpHint': 'Mở ứng dụng xác thực trên điện thoại và nhập mã 6 số đang hiển thị.',
  'officer.submit': 'Đăng nhập',
  'officer.submitting': 'Đang đăng nhập…',
  'officer.citizenInstead': 'Bạn là người dân? Đăng nhập bằng VNeID',

  'account.title': 'Tài khoản của tôi',
  'account.greeting': 'Xin chào, {name}',
  'account.signedOut': 'Bạn chưa đăng nhập.',
  'account.signInHint': 'Chọn cách đăng nhập phù hợp:',
  'account.citizen': 'Người dân',
  'account.officer': 'Cán bộ',
  'account.idNumber': 'Số định danh cá nhân',
  'account.birthDate': 'Ngày sinh',
  'account.identityLevel': 'Mức định danh điện tử',
  'account.identityLevelValue': 'Mức {level}',
  'account.address': 'Nơi cư trú',
  'account.fullName': 'Họ và tên',
  'account.username': 'Tên đăng nhập',
  'account.totp': 'Xác thực hai lớp',
  'account.totpOn': 'Đang bật',
  'account.totpOff': 'Chưa bật',
  'account.roles': 'Vai trò',
  'account.role': 'Vai trò',
  'account.agency': 'Cơ quan',
  'account.unit': 'Đơn vị',
  'account.signOut': 'Đăng xuất',
  'account.signingOut': 'Đang đăng xuất…',

  'role.reception': 'Tiếp nhận',
  'role.specialist': 'Chuyên viên xử lý',
  'role.approver': 'Lãnh đạo phê duyệt',
  'role.unit_admin': 'Quản trị đơn vị',
  'role.leader': 'Lãnh đạo',
  'role.system_admin': 'Quản trị hệ thống',

  'notFound.title': 'Không tìm thấy trang',
  'notFound.body': 'Địa chỉ này không tồn tại hoặc đã được chuyển đi.',
  'notFound.home': 'Về trang chủ',

  'verify.title': 'Kiểm tra văn bản điện tử',
  'verify.intro': 'Kiểm tra văn bản do cơ quan nhà nước cấp qua Tỉnh số: còn hiệu lực hay không, cơ quan nào ký và ký lúc nào.',
  'verify.documentId': 'Mã văn bản: {id}',
  'verify.notFound': 'Không tìm thấy văn bản với mã này. Hãy kiểm tra lại mã hoặc đường dẫn trong mã QR.',
  'verify.status.valid': 'Văn bản hợp lệ',
  'verify.status.expired': 'Văn bản đã hết hiệu lực',
  'verify.status.revoked': 'Văn bản đã bị thu hồi',
  'verify.status.tampered': 'Văn bản không còn nguyên vẹn',
  'verify.status.untrusted': 'Chữ ký không phải của cơ quan trên hệ thống',
  'verify.status.unknown': 'Không xác định được văn bản',
  'verify.statusHint.valid': 'Văn bản có trong hệ thống, chưa bị thu hồi và đang có hiệu lực.',
  'verify.statusHint.expired': 'Văn bản có trong hệ thống nhưng đã hết thời hạn hiệu lực.',
  'verify.statusHint.revoked': 'Cơ quan ban hành đã thu hồi văn bản này; văn bản không còn giá trị.',
  'verify.statusHint.tampered': 'Bản lưu trên hệ thống không khớp với bản đã ký. Vui lòng liên hệ cơ quan ban hành.',
  'verify.type': 'Loại văn bản',
  'verify.agency': 'Cơ quan ban hành',
  'verify.signedAt': 'Thời điểm ký',
  'verify.validity': 'Hiệu lực',
  'verify.validFromTo': 'Từ {from} đến hết {to}',
  'verify.validFrom': 'Từ {from}, không thời hạn',
  'verify.revokedAt': 'Thu hồi lúc',
  'verify.revocationReason': 'Lý do thu hồi',
  'verify.facts': 'Thông tin công khai',
  'verify.certificate': 'Chứng thư số ký văn bản',
  'verify.fingerprint': 'Dấu vân tay SHA-256',
  'verify.developmentKey': 'Bản thử nghiệm: văn bản được ký bằng khoá phát triển, không có giá trị pháp lý.',
  'verify.upload.title': 'Kiểm tra tệp PDF bạn đang giữ',
  'verify.upload.intro': 'Chọn tệp PDF của văn bản. Hệ thống kiểm tra chữ ký số và so sánh với bản gốc đã lưu. Tệp không được lưu lại.',
  'verify.upload.label': 'Tệp PDF',
  'verify.upload.submit': 'Kiểm tra tệp',
  'verify.upload.checking': 'Đang kiểm tra…',
  'verify.upload.result': 'Kết quả kiểm tra tệp',
  'verify.upload.claims': 'Tệp này ghi là văn bản:',
  'verify.upload.signedBy': 'Ký bởi: {signer}',
  'verify.code.DOCUMENT_VALID': 'Chữ ký số hợp lệ và tệp trùng khớp hoàn toàn với bản gốc đã lưu.',
  'verify.code.DOCUMENT_EXPIRED': 'Tệp là bản gốc nhưng văn bản đã hết hiệu lực.',
  'verify.code.DOCUMENT_REVOKED': 'Tệp là bản gốc nhưng văn bản đã bị cơ quan ban hành thu hồi.',
  'verify.code.SIGNATURE_BROKEN': 'Chữ ký số không còn khớp với nội dung: tệp đã bị sửa sau khi ký.',
  'verify.code.CONTENT_MODIFIED': 'Tệp khác với bản gốc đã lưu (có nội dung được thêm hoặc thay đổi sau khi ký).',
  'verify.code.SIGNER_MISMATCH': 'Tệp được ký bằng chứng thư khác với chứng thư đã dùng để ký văn bản gốc.',
  'verify.code.STORED_COPY_DAMAGED': 'Tệp là bản gốc nhưng bản lưu trên hệ thống không còn nguyên vẹn. Vui lòng liên hệ cơ quan ban hành.',
  'verify.code.SIGNER_NOT_TRUSTED':
    'Tệp có chữ ký số nhưng người ký không phải là cơ quan được tin cậy trên hệ thống. Không sử dụng văn bản này.',
  'verify.code.NOT_SIGNED': 'Tệp không có chữ ký số.',
  'verify.code.SIGNATURE_UNSUPPORTED': 'Chữ ký số của tệp dùng định dạng hệ thống chưa kiểm tra được.',
  'verify.code.DOCUMENT_NOT_ON_RECORD': 'Chữ ký số hợp lệ nhưng không có văn bản tương ứng trên hệ thống.',
  'app.reload': 'Tải lại trang',
  'app.retry': 'Thử lại',
  'nav.procedures': 'Thủ tục',
  'nav.myDossiers': 'Hồ sơ của tôi',
  'nav.myDocuments': 'Giấy tờ của tôi',
  'nav.lookup': 'Tra cứu hồ sơ',
  'home.lookupTeaser.title': 'Tra cứu hồ sơ',
  'home.lookupTeaser.body': 'Biết mã hồ sơ và số định danh cá nhân của người nộp? Xem ngay hồ sơ đang ở bước nào và ngày hẹn trả kết quả.',
  'home.lookupTeaser.link': 'Tra cứu tình trạng hồ sơ',
  'search.label': 'Tìm thủ tục hành chính',
  'search.hint': 'Ví dụ: đăng ký khai sinh, chứng thực bản sao. Gõ không dấu cũng được.',
  'search.submit': 'Tìm kiếm',
} as const;

/** Keys of the words every page may need (the home page bundle). */
export type CoreMessageKey = keyof typeof vi;
/** Any key: the core ones and those of the citizen-service pages (i18n-services.ts, loaded with them). */
export type MessageKey = CoreMessageKey | ServiceMessageKey | StoreMessageKey;
export type Dictionary = Record<CoreMessageKey, string>;

const en: Dictionary = {
  'app.name': 'Tỉnh số',
  'app.portal': 'Public services portal',
  'app.portalOf': 'Public services portal of {province}',
  'app.skipToContent': 'Skip to main content',
  'app.loading': 'Loading…',
  'app.loadFailed': 'Could not load the data. Please try again.',
  'app.networkError': 'Could not reach the server. Please try again.',

  'nav.label': 'Main navigation',
  'nav.home': 'Home',
  'nav.units': 'Administrative units',
  'nav.account': 'Account',
  'nav.officerInbox': 'Dossiers to handle',
  'nav.officerIntake': 'Counter intake',
  'nav.leaders': 'Dashboard',
  'nav.complaints': 'Complaints',
  'nav.catalogueAdmin': 'Procedure catalogue',
  'nav.switchLanguage': 'Tiếng Việt',
  'nav.switchLanguageHint': 'Chuyển sang tiếng Việt',
  'nav.signedInAs': 'Signed in: {name}',

  'footer.api': 'API documentation',
  'footer.verify': 'Check an electronic document',
  'footer.sandbox': 'Trial version: the VNeID used here is a sandbox, not the real national identity service.',
  'footer.license': 'Open source, MIT licence.',

  'home.title': 'Online public services, one stop for every procedure',
  'home.intro': 'Submit applications, follow their progress and receive results from anywhere in the city, without repeated trips.',
  'home.citizenSignIn': 'Sign in with VNeID (sandbox)',
  'home.officerSignIn': 'Officer sign-in',
  'home.audiences': 'Who it is for',
  'home.citizens.title': 'Citizens and businesses',
  'home.citizens.body':
    'Sign in with your electronic identity, apply online, reuse documents already digitised and receive electronic results.',
  'home.officers.title': 'One-stop officers',
  'home.officers.body': 'Receive, process and return applications on time, with deadlines and appointment slips computed for you.',
  'home.leaders.title': 'Leaders',
  'home.leaders.body': 'Follow service indicators, applications nearing or past their deadline and each unit’s digital transformation.',
  'home.unitsTeaser.title': 'Administrative units',
  'home.unitsTeaser.body': 'Look up the city’s communes, wards and special zones, and the former units merged on 1 July 2025.',
  'home.unitsTeaser.link': 'Browse administrative units',
  'home.loginError': 'Sign-in failed: {message}',
  'home.loginErrorUnknown': 'Sign-in failed (error code {code}).',

  'units.title': 'Administrative units',
  'units.intro': 'The communes, wards and special zones of {province} today. Choose one to see its merger history.',
  'units.filterLabel': 'Filter by name or code',
  'units.filterHint': 'Accents are optional, e.g. “tam long”.',
  'units.count': 'Showing {shown} of {total} units',
  'units.none': 'No unit matches “{query}”.',
  'units.code': 'Code {code}',
  'units.formerTitle': 'Former units (before 1 July 2025) matching “{query}”',
  'units.formerHint': 'These units were reorganised; choose one to see which unit took it over.',
  'units.details': 'History of {name}',
  'units.validFrom': 'In effect from {date}',
  'units.validTo': 'In effect until {date}',
  'units.predecessors': 'Formed from',
  'units.successors': 'Merged into',
  'units.noHistory': 'No changes recorded.',
  'units.kind.full': 'whole',
  'units.kind.partial': 'part',
  'units.linkLine': '{name} ({kind}), from {date}',
  'units.province': 'in {name}',

  'officer.title': 'Officer sign-in',
  'officer.intro': 'For officers who receive and process applications.',
  'officer.username': 'Username',
  'officer.password': 'Password',
  'officer.totp': 'Authentication code (6 digits)',
  'officer.totpHint': 'Open the authenticator app on your phone and enter the 6-digit code it shows.',
  'officer.submit': 'Sign in',
  'officer.submitting': 'Signing in…',
  'officer.citizenInstead': 'A citizen? Sign in with VNeID',

  'account.title': 'My account',
  'account.greeting': 'Hello, {name}',
  'account.signedOut': 'You are not signed in.',
  'account.signInHint': 'Choose how to sign in:',
  'account.citizen': 'Citizen',
  'account.officer': 'Officer',
  'account.idNumber': 'Personal identification number',
  'account.birthDate': 'Date of birth',
  'account.identityLevel': 'Electronic identity level',
  'account.identityLevelValue': 'Level {level}',
  'account.address': 'Place of residence',
  'account.fullName': 'Full name',
  'account.username': 'Username',
  'account.totp': 'Two-factor authentication',
  'account.totpOn': 'On',
  'account.totpOff': 'Not set up',
  'account.roles': 'Roles',
  'account.role': 'Role',
  'account.agency': 'Agency',
  'account.unit': 'Unit',
  'account.signOut': 'Sign out',
  'account.signingOut': 'Signing out…',

  'role.reception': 'Reception',
  'role.specialist': 'Processing specialist',
  'role.approver': 'Approving leader',
  'role.unit_admin': 'Unit administrator',
  'role.leader': 'Leader',
  'role.system_admin': 'System administrator',

  'notFound.title': 'Page not found',
  'notFound.body': 'This address does not exist or has moved.',
  'notFound.home': 'Go to the home page',

  'verify.title': 'Check an electronic document',
  'verify.intro': 'Check a document issued by a state agency through Tỉnh số: whether it is in force, which agency signed it and when.',
  'verify.documentId': 'Document id: {id}',
  'verify.notFound': 'No document has this id. Check the id or the link in the QR code.',
  'verify.status.valid': 'The document is valid',
  'verify.status.expired': 'The document has expired',
  'verify.status.revoked': 'The document has been revoked',
  'verify.status.tampered': 'The document is not intact',
  'verify.status.untrusted': 'Not signed by an agency on the platform',
  'verify.status.unknown': 'The document could not be identified',
  'verify.statusHint.valid': 'The document is on record, has not been revoked and is in force.',
  'verify.statusHint.expired': 'The document is on record but its period of validity has ended.',
  'verify.statusHint.revoked': 'The issuing agency has revoked this document; it is no longer valid.',
  'verify.statusHint.tampered': 'The copy kept by the platform no longer matches what was signed. Please contact the issuing agency.',
  'verify.type': 'Document type',
  'verify.agency': 'Issuing agency',
  'verify.signedAt': 'Signed at',
  'verify.validity': 'Validity',
  'verify.validFromTo': 'From {from} to the end of {to}',
  'verify.validFrom': 'From {from}, no end date',
  'verify.revokedAt': 'Revoked at',
  'verify.revocationReason': 'Reason for revocation',
  'verify.facts': 'Public details',
  'verify.certificate': 'Signing certificate',
  'verify.fingerprint': 'SHA-256 fingerprint',
  'verify.developmentKey': 'Trial version: signed with a development key; no legal value.',
  'verify.upload.title': 'Check a PDF file you hold',
  'verify.upload.intro':
    'Choose the document’s PDF file. The platform checks its digital signature and compares it with the original on record. The file is not kept.',
  'verify.upload.label': 'PDF file',
  'verify.upload.submit': 'Check the file',
  'verify.upload.checking': 'Checking…',
  'verify.upload.result': 'Result of the file check',
  'verify.upload.claims': 'This file says it is the document:',
  'verify.upload.signedBy': 'Signed by: {signer}',
  'verify.code.DOCUMENT_VALID': 'The digital signature is valid and the file is identical to the original on record.',
  'verify.code.DOCUMENT_EXPIRED': 'The file is the original, but the document has expired.',
  'verify.code.DOCUMENT_REVOKED': 'The file is the original, but the issuing agency has revoked the document.',
  'verify.code.SIGNATURE_BROKEN': 'The digital signature no longer matches the content: the file was changed after signing.',
  'verify.code.CONTENT_MODIFIED': 'The file differs from the original on record (content was added or changed after signing).',
  'verify.code.SIGNER_MISMATCH': 'The file was signed with another certificate than the one that signed the original.',
  'verify.code.STORED_COPY_DAMAGED':
    'The file is the original, but the copy kept by the platform is damaged. Please contact the issuing agency.',
  'verify.code.SIGNER_NOT_TRUSTED': 'The file is signed, but not by an agency the platform trusts. Do not rely on it.',
  'verify.code.NOT_SIGNED': 'The file has no digital signature.',
  'verify.code.SIGNATURE_UNSUPPORTED': 'The file’s digital signature uses a format the platform cannot check yet.',
  'verify.code.DOCUMENT_NOT_ON_RECORD': 'The digital signature is valid, but no matching document is on record.',
  'app.reload': 'Reload the page',
  'app.retry': 'Try again',
  'nav.procedures': 'Procedures',
  'nav.myDossiers': 'My applications',
  'nav.myDocuments': 'My documents',
  'nav.lookup': 'Track an application',
  'home.lookupTeaser.title': 'Track an application',
  'home.lookupTeaser.body':
    'Know the application code and the applicant’s ID number? See at once where the application stands and when the result is due.',
  'home.lookupTeaser.link': 'Look up an application',
  'search.label': 'Find a public service',
  'search.hint': 'For example: birth registration, certified copy. Vietnamese accents are optional.',
  'search.submit': 'Search',
};

export const dictionaries: Record<Language, Dictionary> = { vi, en };

type Messages = Partial<Record<MessageKey, string>>;
const added: Record<Language, Messages> = { vi: {}, en: {} };

/** Adds the words of pages loaded on demand (i18n-services.ts calls it when it loads). */
export function addMessages(messages: Record<Language, Messages>): void {
  for (const language of languages) Object.assign(added[language], messages[language]);
}

export type MessageValues = Record<string, string | number>;

/** The message for `key` in `language`, with `{name}` placeholders filled from `values`. */
export function translate(language: Language, key: MessageKey, values?: MessageValues): string {
  // A key whose page module has not loaded shows as itself: visible in a test, never a crash.
  const template = (dictionaries[language] as Messages)[key] ?? added[language][key] ?? key;
  return fillPlaceholders(template, values);
}

/** Fills `{name}` placeholders of a message from `values`; unknown names stay as written. */
export function fillPlaceholders(template: string, values?: MessageValues): string {
  if (!values) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** A page module's own messages (vi and en), looked up with placeholders filled: `(language, key, values) => text`. */
export function pageMessages<K extends string>(
  messages: Record<Language, Record<K, string>>,
): (language: Language, key: K, values?: MessageValues) => string {
  return (language, key, values) => fillPlaceholders(messages[language][key], values);
}

/** Whether a string names a supported language. */
export function isLanguage(value: unknown): value is Language {
  return value === 'vi' || value === 'en';
}

/** A date `YYYY-MM-DD` as people read it: 01/07/2025 in Vietnamese, 1 July 2025 in English. */
export function formatDate(language: Language, isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!match) return isoDate;
  const [, year, month, day] = match;
  if (language === 'vi') return `${day}/${month}/${year}`;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}

const vietnamOffsetMs = 7 * 3600_000;

/** An instant in Vietnam time (UTC+7): 14:05 01/07/2025 in Vietnamese, 1 July 2025, 14:05 in English. */
export function formatDateTime(language: Language, iso: string): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  const local = new Date(time + vietnamOffsetMs).toISOString();
  const day = formatDate(language, local.slice(0, 10));
  const clock = local.slice(11, 16);
  return language === 'vi' ? `${clock} ${day}` : `${day}, ${clock}`;
}

/** The day of an instant in Vietnam time, as `formatDate` writes it. */
export function formatDay(language: Language, iso: string): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  return formatDate(language, new Date(time + vietnamOffsetMs).toISOString().slice(0, 10));
}

/** An amount in đồng: 50.000 đồng in Vietnamese, 50,000 VND in English. */
export function formatMoney(language: Language, amountVnd: number): string {
  const digits = String(Math.round(Math.abs(amountVnd))).replace(/\B(?=(\d{3})+(?!\d))/g, language === 'vi' ? '.' : ',');
  const sign = amountVnd < 0 ? '-' : '';
  return language === 'vi' ? `${sign}${digits} đồng` : `${sign}${digits} VND`;
}

/** A file size people read: 850 B, 12 KB, 3.4 MB (3,4 MB in Vietnamese). */
export function formatFileSize(language: Language, bytes: number): string {
  const [value, unit] = bytes < 1024 ? [bytes, 'B'] : bytes < 1024 * 1024 ? [bytes / 1024, 'KB'] : [bytes / (1024 * 1024), 'MB'];
  const text = unit === 'B' || value >= 10 ? String(Math.round(value)) : value.toFixed(1);
  return `${language === 'vi' ? text.replace('.', ',') : text} ${unit}`;
}
