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
  URL_MALFORMED: { status: 400, vi: 'Địa chỉ yêu cầu không hợp lệ.', en: 'The request URL is malformed.' },
  URL_TOO_LONG: { status: 414, vi: 'Địa chỉ yêu cầu quá dài.', en: 'The request URL is too long.' },
  UPLOAD_MALFORMED: {
    status: 400,
    vi: 'Dữ liệu tải lên không đúng định dạng multipart/form-data; vui lòng gửi lại.',
    en: 'The upload is not well-formed multipart/form-data; send it again.',
  },
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
  PROCEDURE_VERSION_CONFLICT: {
    status: 409,
    vi: 'Thủ tục vừa có phiên bản mới do người khác xuất bản; vui lòng tải lại và sửa trên phiên bản mới.',
    en: 'Someone else has just published a newer version of this procedure; reload and edit the new version.',
  },
  PROCEDURE_EXISTS: {
    status: 409,
    vi: 'Tỉnh, thành phố đã có thủ tục mang mã này; hãy sửa thủ tục đó để xuất bản phiên bản mới.',
    en: 'The province already has a procedure with this code; edit it to publish a new version.',
  },
  PROCEDURE_NOT_IN_REFERENCE: {
    status: 404,
    vi: 'Danh mục thủ tục tham chiếu của phiên bản phần mềm này không có thủ tục này.',
    en: "This release's reference catalogue does not have this procedure.",
  },
  PROCEDURE_UNCHANGED: {
    status: 422,
    vi: 'Nội dung không khác phiên bản hiện hành nên không xuất bản phiên bản mới.',
    en: 'Nothing differs from the current version, so no new version was published.',
  },
  // Signed documents
  DOCUMENT_NOT_FOUND: { status: 404, vi: 'Không tìm thấy văn bản.', en: 'Document not found.' },
  DOCUMENT_ALREADY_REVOKED: { status: 409, vi: 'Văn bản đã bị thu hồi trước đó.', en: 'The document has already been revoked.' },
  SIGNING_KEY_MISSING: {
    status: 503,
    vi: 'Cơ quan chưa được cấu hình khoá ký số.',
    en: 'No signing key is configured for the agency.',
  },
  FILE_MISSING: { status: 400, vi: 'Vui lòng chọn tệp cần gửi.', en: 'Attach the file to send.' },
  FILE_NOT_PDF: { status: 415, vi: 'Tệp gửi lên không phải là tệp PDF.', en: 'The file is not a PDF.' },
  // Dossiers: workflow
  DOSSIER_NOT_FOUND: { status: 404, vi: 'Không tìm thấy hồ sơ.', en: 'Dossier not found.' },
  DOSSIER_OUT_OF_SCOPE: {
    status: 403,
    vi: 'Hồ sơ không thuộc cơ quan, đơn vị bạn phụ trách.',
    en: 'The dossier does not belong to an agency or unit you serve.',
  },
  DOSSIER_CHANGED: {
    status: 409,
    vi: 'Hồ sơ vừa được người khác cập nhật; vui lòng tải lại và thử lại.',
    en: 'The dossier was changed by someone else; reload it and try again.',
  },
  TRANSITION_NOT_ALLOWED: {
    status: 409,
    vi: 'Không thể thực hiện thao tác này ở trạng thái hoặc bước hiện tại của hồ sơ.',
    en: 'This action is not allowed at the dossier’s current status or step.',
  },
  ROLE_NOT_ALLOWED: {
    status: 403,
    vi: 'Vai trò của bạn không được thực hiện thao tác này ở bước hiện tại.',
    en: 'Your role may not take this action at the current step.',
  },
  REASON_REQUIRED: { status: 400, vi: 'Vui lòng nêu rõ lý do.', en: 'A reason is required.' },
  OBLIGATION_AMOUNT_INVALID: {
    status: 400,
    vi: 'Vui lòng nhập số tiền nghĩa vụ tài chính là số nguyên đồng lớn hơn 0.',
    en: 'The financial obligation needs an amount in whole đồng, greater than 0.',
  },
  SUPPLEMENT_COMPONENTS_REQUIRED: {
    status: 400,
    vi: 'Vui lòng liệt kê các thành phần hồ sơ cần bổ sung, hoàn thiện.',
    en: 'List the dossier components to be supplemented.',
  },
  APPOINTMENT_REQUIRED: { status: 400, vi: 'Vui lòng chọn ngày hẹn trả kết quả mới.', en: 'A new appointment is required.' },
  APPOINTMENT_IN_PAST: {
    status: 400,
    vi: 'Ngày hẹn trả kết quả mới phải ở tương lai.',
    en: 'The new appointment must be in the future.',
  },
  APPOINTMENT_NOT_LATER: {
    status: 400,
    vi: 'Ngày hẹn mới phải sau ngày hẹn trả kết quả hiện tại.',
    en: 'The new appointment must be later than the current one.',
  },
  APOLOGY_AFTER_DEADLINE: {
    status: 409,
    vi: 'Đã quá ngày hẹn trả kết quả: phiếu xin lỗi và hẹn lại phải được gửi trước thời hạn.',
    en: 'The appointment has passed: the apology and new appointment must be issued before the deadline.',
  },
  RETURN_METHOD_REQUIRED: {
    status: 400,
    vi: 'Vui lòng chọn hình thức trả kết quả.',
    en: 'Choose how the result is returned.',
  },
  TARGET_STEP_INVALID: {
    status: 400,
    vi: 'Bước chuyển đến không hợp lệ.',
    en: 'The target step is not valid for this action.',
  },
  TARGET_AGENCY_INVALID: {
    status: 400,
    vi: 'Cơ quan chuyển đến không hợp lệ.',
    en: 'The target agency is not valid.',
  },
  SLIP_NOT_AVAILABLE: {
    status: 404,
    vi: 'Hồ sơ chưa có phiếu này.',
    en: 'This slip has not been issued for the dossier.',
  },
  WORKFLOW_INVALID: { status: 400, vi: 'Quy trình xử lý không hợp lệ.', en: 'The workflow definition is invalid.' },
  // Counter and assisted intake
  HELPER_NOT_FOUND: {
    status: 422,
    vi: 'Không tìm thấy thành viên Tổ công nghệ số cộng đồng này.',
    en: 'The community digital-technology team member does not exist.',
  },
  RECEIVING_AGENCY_REQUIRED: {
    status: 400,
    vi: 'Bạn tiếp nhận hồ sơ tại nhiều cơ quan: vui lòng chọn cơ quan tiếp nhận.',
    en: 'You receive dossiers at several agencies: choose the receiving agency.',
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
  PORTAL_DEPARTMENT_CODE_INVALID: {
    status: 400,
    vi: 'Mã đơn vị của Cổng Dịch vụ công quốc gia không hợp lệ (dạng H44.03; dòng cấp tỉnh H44 không cần ánh xạ).',
    en: 'Invalid national portal unit code (like H44.03; the province row H44 needs no mapping).',
  },
  PORTAL_MAPPING_TARGET_UNKNOWN: {
    status: 422,
    vi: 'Không có xã, phường hoặc cơ quan này của tỉnh, thành phố (mã xã 5 chữ số hoặc mã cơ quan như 26572-UBND, 79-STP).',
    en: 'No such commune or agency of the province (a 5-digit commune code or an agency code like 26572-UBND, 79-STP).',
  },
  PORTAL_MAPPING_NOT_FOUND: {
    status: 404,
    vi: 'Mã đơn vị này của Cổng Dịch vụ công quốc gia chưa được ánh xạ.',
    en: 'This national portal unit code is not mapped.',
  },
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
  // Payments
  PAYMENT_NOT_DUE: {
    status: 409,
    vi: 'Hồ sơ không có khoản phí, lệ phí nào cần thanh toán lúc này.',
    en: 'The dossier has no fee to pay at this time.',
  },
  PAYMENT_NOT_FOUND: { status: 404, vi: 'Không tìm thấy giao dịch thanh toán.', en: 'Payment not found.' },
  PAYMENT_NOT_PAID: {
    status: 409,
    vi: 'Giao dịch chưa được thanh toán thành công nên chưa có biên lai.',
    en: 'The payment has not succeeded, so there is no receipt.',
  },
  PAYMENT_GATEWAY_UNAVAILABLE: {
    status: 503,
    vi: 'Cổng thanh toán tạm thời không sẵn sàng, vui lòng thử lại sau.',
    en: 'The payment gateway is temporarily unavailable; try again later.',
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
  DOSSIER_ALREADY_DECIDED: {
    status: 409,
    vi: 'Hồ sơ đã có kết quả hoặc đã kết thúc, không thể rút.',
    en: 'The dossier has already been decided or closed and cannot be withdrawn.',
  },
  // Electronic store (kho dữ liệu điện tử)
  STORE_DOCUMENT_NOT_FOUND: { status: 404, vi: 'Không tìm thấy giấy tờ trong kho dữ liệu.', en: 'Document not found in the store.' },
  STORE_ACCESS_WITHOUT_DOSSIER: {
    status: 403,
    vi: 'Chỉ được xem kho dữ liệu của công dân khi đang giải quyết hồ sơ của người đó.',
    en: 'A person’s store is open to an officer only while handling that person’s dossier.',
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
