/**
 * The web app's words, one dictionary per language. Vietnamese is the reference: its keys are the
 * type every other language must fill. `{name}` marks a value filled in by `translate`.
 */
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
  'nav.leaders': 'Điều hành',
  'nav.switchLanguage': 'English',
  'nav.switchLanguageHint': 'Switch to English',
  'nav.signedInAs': 'Đang đăng nhập: {name}',

  'footer.api': 'Tài liệu API',
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
} as const;

export type MessageKey = keyof typeof vi;
export type Dictionary = Record<MessageKey, string>;

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
  'nav.leaders': 'Dashboard',
  'nav.switchLanguage': 'Tiếng Việt',
  'nav.switchLanguageHint': 'Chuyển sang tiếng Việt',
  'nav.signedInAs': 'Signed in: {name}',

  'footer.api': 'API documentation',
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
};

export const dictionaries: Record<Language, Dictionary> = { vi, en };

export type MessageValues = Record<string, string | number>;

/** The message for `key` in `language`, with `{name}` placeholders filled from `values`. */
export function translate(language: Language, key: MessageKey, values?: MessageValues): string {
  const template = dictionaries[language][key];
  if (!values) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
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
