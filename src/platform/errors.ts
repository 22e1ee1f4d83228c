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
  // Attachments
  ATTACHMENT_FILE_MISSING: {
    status: 400,
    vi: 'Chưa chọn tệp để tải lên (trường "file").',
    en: 'No file was sent (multipart part "file").',
  },
  ATTACHMENT_TYPE_REJECTED: {
    status: 415,
    vi: 'Chỉ nhận tệp PDF, JPEG hoặc PNG (kiểm tra theo nội dung tệp, không theo tên tệp).',
    en: 'Only PDF, JPEG or PNG files are accepted (checked by content, not by name).',
  },
  ATTACHMENT_TOO_LARGE: { status: 413, vi: 'Tệp vượt quá dung lượng cho phép.', en: 'The file is larger than allowed.' },
  ATTACHMENT_TOO_MANY_PAGES: { status: 422, vi: 'Tệp PDF có quá nhiều trang.', en: 'The PDF has too many pages.' },
  ATTACHMENT_TOO_MANY_PIXELS: { status: 422, vi: 'Ảnh có độ phân giải quá lớn.', en: 'The image has too many pixels.' },
  ATTACHMENT_UNREADABLE: {
    status: 422,
    vi: 'Không đọc được tệp (hỏng, bị mã hoá hoặc có mật khẩu).',
    en: 'The file cannot be read (corrupt, encrypted or password-protected).',
  },
  ATTACHMENT_NOT_FOUND: {
    status: 422,
    vi: 'Tệp đính kèm không tồn tại, không thuộc về bạn hoặc đã được dùng cho hồ sơ khác.',
    en: 'An attachment does not exist, is not yours or was already used in another dossier.',
  },
  ATTACHMENT_FORMAT_NOT_ACCEPTED: {
    status: 422,
    vi: 'Định dạng tệp không được chấp nhận cho thành phần hồ sơ này.',
    en: 'This file format is not accepted for that document.',
  },
  FILE_NOT_FOUND: { status: 404, vi: 'Không tìm thấy tệp.', en: 'File not found.' },
  // Dossiers
  DRAFT_NOT_FOUND: { status: 404, vi: 'Chưa có hồ sơ nháp cho thủ tục này.', en: 'No draft for this procedure.' },
  IDEMPOTENCY_KEY_REQUIRED: {
    status: 400,
    vi: 'Thiếu tiêu đề Idempotency-Key để tránh nộp trùng hồ sơ.',
    en: 'The Idempotency-Key header is required, so a retry cannot submit twice.',
  },
  IDEMPOTENCY_KEY_INVALID: {
    status: 400,
    vi: 'Idempotency-Key phải gồm 8–100 ký tự in được, không có khoảng trắng.',
    en: 'The Idempotency-Key must be 8–100 printable characters without spaces.',
  },
  IDEMPOTENCY_KEY_REUSED: {
    status: 422,
    vi: 'Idempotency-Key này đã được dùng cho một yêu cầu khác.',
    en: 'This Idempotency-Key was already used with a different request.',
  },
  PROCEDURE_VERSION_NOT_CURRENT: {
    status: 409,
    vi: 'Thủ tục đã có phiên bản mới; vui lòng tải lại biểu mẫu và nộp lại.',
    en: 'The procedure has a newer version; reload the form and submit again.',
  },
  FORM_INVALID: { status: 422, vi: 'Tờ khai có thông tin chưa hợp lệ.', en: 'Some answers on the form are invalid.' },
  COMPONENT_MISSING: { status: 422, vi: 'Còn thiếu thành phần hồ sơ bắt buộc.', en: 'A required document is missing.' },
  COMPONENT_UNKNOWN: {
    status: 422,
    vi: 'Thành phần hồ sơ không thuộc thủ tục này.',
    en: 'A document type is not part of this procedure.',
  },
  AGENCY_NOT_RECEIVING: {
    status: 422,
    vi: 'Cơ quan đã chọn không tiếp nhận hồ sơ trong tỉnh, thành phố này.',
    en: 'The chosen agency does not receive dossiers in this province.',
  },
  HANDLING_COMMUNE_INVALID: {
    status: 422,
    vi: 'Cần chọn một xã, phường, đặc khu của tỉnh, thành phố để giải quyết hồ sơ.',
    en: 'Choose a commune of this province to handle the dossier.',
  },
  DOSSIER_NOT_FOUND: { status: 404, vi: 'Không tìm thấy hồ sơ.', en: 'Dossier not found.' },
  DOSSIER_ALREADY_DECIDED: {
    status: 409,
    vi: 'Hồ sơ đã có kết quả hoặc đã kết thúc, không thể rút.',
    en: 'The dossier has already been decided or closed and cannot be withdrawn.',
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
