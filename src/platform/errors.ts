/**
 * One error type for the whole platform. Every error a client can see has a stable machine code,
 * an HTTP status and a message in Vietnamese and English. Clients branch on `code`, never on text.
 */
export const errorCatalogue = {
  // Request shape
  VALIDATION_FAILED: { status: 400, vi: 'Dữ liệu gửi lên không hợp lệ.', en: 'The request data is invalid.' },
  MALFORMED_JSON: { status: 400, vi: 'Nội dung JSON không đúng cú pháp.', en: 'The request body is not valid JSON.' },
  BODY_TOO_LARGE: { status: 413, vi: 'Dữ liệu gửi lên vượt quá dung lượng cho phép.', en: 'The request body is too large.' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, vi: 'Kiểu nội dung không được hỗ trợ.', en: 'The content type is not supported.' },
  ROUTE_NOT_FOUND: { status: 404, vi: 'Không tìm thấy địa chỉ yêu cầu.', en: 'No such endpoint.' },
  METHOD_NOT_ALLOWED: { status: 405, vi: 'Phương thức không được hỗ trợ.', en: 'Method not allowed.' },
  RATE_LIMITED: { status: 429, vi: 'Quá nhiều yêu cầu, vui lòng thử lại sau.', en: 'Too many requests; try again later.' },
  // Identity and access
  UNAUTHENTICATED: { status: 401, vi: 'Vui lòng đăng nhập.', en: 'Please sign in.' },
  FORBIDDEN: { status: 403, vi: 'Bạn không có quyền thực hiện thao tác này.', en: 'You are not allowed to do this.' },
  CSRF_TOKEN_INVALID: {
    status: 403,
    vi: 'Phiên làm việc không hợp lệ, vui lòng tải lại trang.',
    en: 'Invalid or missing CSRF token; reload the page.',
  },
  INVALID_CREDENTIALS: { status: 401, vi: 'Tên đăng nhập hoặc mật khẩu không đúng.', en: 'Wrong username or password.' },
  TOTP_REQUIRED: { status: 401, vi: 'Cần nhập mã xác thực hai lớp.', en: 'A two-factor code is required.' },
  TOTP_INVALID: { status: 401, vi: 'Mã xác thực hai lớp không đúng.', en: 'The two-factor code is wrong.' },
  ACCOUNT_LOCKED: {
    status: 423,
    vi: 'Tài khoản tạm khoá do đăng nhập sai nhiều lần.',
    en: 'The account is temporarily locked after repeated failures.',
  },
  OIDC_LOGIN_FAILED: {
    status: 400,
    vi: 'Đăng nhập qua định danh điện tử không thành công.',
    en: 'Sign-in with the electronic identity failed.',
  },
  OIDC_LOGIN_CANCELLED: {
    status: 400,
    vi: 'Bạn đã huỷ đăng nhập qua định danh điện tử.',
    en: 'Sign-in with the electronic identity was cancelled.',
  },
  TOTP_ALREADY_ENABLED: {
    status: 409,
    vi: 'Xác thực hai lớp đã được bật cho tài khoản này.',
    en: 'Two-factor authentication is already enabled for this account.',
  },
  TOTP_SETUP_MISSING: {
    status: 409,
    vi: 'Chưa khởi tạo xác thực hai lớp; hãy bắt đầu lại.',
    en: 'Two-factor setup has not been started; start again.',
  },
  // Units
  UNIT_NOT_FOUND: { status: 404, vi: 'Không tìm thấy đơn vị hành chính.', en: 'Administrative unit not found.' },
  AGENCY_NOT_FOUND: { status: 404, vi: 'Không tìm thấy cơ quan.', en: 'Agency not found.' },
  // Procedures
  PROCEDURE_NOT_FOUND: { status: 404, vi: 'Không tìm thấy thủ tục hành chính.', en: 'Procedure not found.' },
  PROCEDURE_VERSION_NOT_FOUND: {
    status: 404,
    vi: 'Không tìm thấy phiên bản thủ tục hành chính.',
    en: 'That version of the procedure does not exist.',
  },
  PROCEDURE_CONTENT_INVALID: {
    status: 400,
    vi: 'Nội dung phiên bản thủ tục không hợp lệ.',
    en: 'The procedure version content is invalid.',
  },
  // Indicators
  PORTAL_FILE_MISSING: {
    status: 400,
    vi: 'Thiếu tệp dữ liệu đánh giá của Cổng Dịch vụ công quốc gia.',
    en: 'A national public service portal evaluation file is missing.',
  },
  PORTAL_FILE_INVALID: {
    status: 422,
    vi: 'Tệp dữ liệu đánh giá của Cổng Dịch vụ công quốc gia không đúng định dạng.',
    en: 'A national public service portal evaluation file is malformed.',
  },
  // Dossiers (the same code as the dossier modules use)
  DOSSIER_NOT_FOUND: { status: 404, vi: 'Không tìm thấy hồ sơ.', en: 'Dossier not found.' },
  // Feedback: satisfaction votes and complaints (phản ánh, kiến nghị)
  DOSSIER_NOT_COMPLETED: {
    status: 409,
    vi: 'Hồ sơ chưa kết thúc xử lý nên chưa thể đánh giá.',
    en: 'The dossier’s processing has not ended, so it cannot be rated yet.',
  },
  SATISFACTION_ALREADY_GIVEN: { status: 409, vi: 'Hồ sơ này đã được đánh giá.', en: 'This dossier has already been rated.' },
  SATISFACTION_REASON_INVALID: {
    status: 400,
    vi: 'Lý do đánh giá không phù hợp với lựa chọn hài lòng/không hài lòng.',
    en: 'A reason does not match the like/dislike chosen.',
  },
  COMPLAINT_NOT_FOUND: { status: 404, vi: 'Không tìm thấy phản ánh, kiến nghị.', en: 'Complaint not found.' },
  COMPLAINT_TRANSITION_NOT_ALLOWED: {
    status: 409,
    vi: 'Không thể thực hiện thao tác này ở trạng thái hiện tại của phản ánh, kiến nghị.',
    en: 'This action is not allowed in the complaint’s current status.',
  },
  COMPLAINT_TEXT_REQUIRED: {
    status: 400,
    vi: 'Cần nhập nội dung (lý do, câu trả lời hoặc thông tin bổ sung).',
    en: 'A text is required (reason, answer or additional information).',
  },
  COMPLAINT_ALREADY_RATED: { status: 409, vi: 'Phản ánh, kiến nghị này đã được đánh giá.', en: 'This complaint has already been rated.' },
  // Working-day calendar
  CALENDAR_YEAR_OUT_OF_RANGE: {
    status: 400,
    vi: 'Năm nằm ngoài phạm vi lịch hỗ trợ (1900–2199).',
    en: 'The year is outside the calendar’s range (1900–2199).',
  },
  CALENDAR_DATE_INVALID: { status: 400, vi: 'Ngày không hợp lệ (định dạng YYYY-MM-DD).', en: 'Invalid date (expected YYYY-MM-DD).' },
  CALENDAR_DATE_NOT_IN_YEAR: { status: 400, vi: 'Ngày không thuộc năm đã chọn.', en: 'The date is not in the chosen year.' },
  CALENDAR_TIME_INVALID: {
    status: 400,
    vi: 'Thời điểm không hợp lệ (định dạng ISO 8601, ví dụ 2026-02-13T09:00:00+07:00).',
    en: 'Invalid time (expected ISO 8601, e.g. 2026-02-13T09:00:00+07:00).',
  },
  CALENDAR_AMOUNT_INVALID: {
    status: 400,
    vi: 'Thời hạn không hợp lệ (không âm, trong giới hạn; số tháng phải là số nguyên).',
    en: 'Invalid amount of time (not negative, within limits; months must be whole).',
  },
  CALENDAR_WORKING_HOURS_INVALID: {
    status: 400,
    vi: 'Giờ làm việc không hợp lệ: 1–4 khoảng HH:MM theo thứ tự, không chồng lấn.',
    en: 'Invalid working hours: 1–4 HH:MM periods, in order, not overlapping.',
  },
  CALENDAR_MAKEUP_DAY_NOT_WEEKEND: {
    status: 422,
    vi: 'Ngày làm bù phải là thứ Bảy hoặc Chủ nhật.',
    en: 'A make-up working day must be a Saturday or Sunday.',
  },
  CALENDAR_DAY_OFF_ON_WEEKEND: {
    status: 422,
    vi: 'Ngày nghỉ bù, hoán đổi phải là ngày trong tuần (thứ Hai – thứ Sáu).',
    en: 'A compensatory or swapped day off must be a weekday (Monday–Friday).',
  },
  CALENDAR_DAY_NOT_FOUND: {
    status: 404,
    vi: 'Ngày này không phải ngày lễ, ngày nghỉ hay ngày làm bù trong lịch.',
    en: 'The calendar has no holiday, day off or make-up day on that date.',
  },
  CALENDAR_NO_WORKING_TIME: {
    status: 422,
    vi: 'Lịch không còn thời gian làm việc để tính hạn.',
    en: 'The calendar has no working time left to count.',
  },
  // Platform
  SERVICE_UNAVAILABLE: { status: 503, vi: 'Hệ thống tạm thời không sẵn sàng.', en: 'The service is temporarily unavailable.' },
  INTERNAL_ERROR: { status: 500, vi: 'Đã có lỗi hệ thống.', en: 'An internal error occurred.' },
} as const satisfies Record<string, { status: number; vi: string; en: string }>;

export type ErrorCode = keyof typeof errorCatalogue;

export type Language = 'vi' | 'en';

/** The platform's error: a stable code, its HTTP status and optional structured details. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: unknown;

  constructor(code: ErrorCode, details?: unknown, options?: { cause?: unknown }) {
    super(errorCatalogue[code].en, options);
    this.name = 'AppError';
    this.code = code;
    this.status = errorCatalogue[code].status;
    this.details = details ?? null;
  }
}

/** The JSON body every error response has. */
export interface ErrorBody {
  code: ErrorCode;
  message: string;
  /** The message in the other language, so a bilingual client needs no second request. */
  messages: { vi: string; en: string };
  details: unknown;
}

/** Renders an error in the requested language. */
export function renderError(error: AppError, language: Language): ErrorBody {
  const entry = errorCatalogue[error.code];
  return {
    code: error.code,
    message: entry[language],
    messages: { vi: entry.vi, en: entry.en },
    details: error.details,
  };
}
