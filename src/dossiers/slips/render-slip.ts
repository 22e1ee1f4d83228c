import { formatVietnamDateTime } from '../../platform/pdf/document.ts';
import { numberedList, signature, startSlip, table, trackingQr } from './layout.ts';

/** Slips the back office renders: 02 supplement, 03 refusal, 04 apology, 05 processing control sheet. */
export type BackOfficeSlip = '02' | '03' | '04' | '05';

/** What a slip says about the dossier. */
export interface SlipDossier {
  code: string;
  applicantName: string;
  applicantIdNumber: string;
  applicantPhone: string | null;
  applicantEmail: string | null;
  procedureName: string;
  submittedAt: Date;
  receivedAt: Date | null;
  appointmentAt: Date | null;
  receivingAgencyName: string;
  handlingAgencyName: string;
}

/** The event a slip records (the supplement request, the refusal, the apology). */
export interface SlipEvent {
  at: Date;
  reason: string | null;
  actorName: string | null;
  components: readonly { name: string; note?: string | undefined }[];
  previousAppointmentAt: Date | null;
  newAppointmentAt: Date | null;
}

/** One line of the control sheet: a step, its due time and when (and by whom) the dossier left it. */
export interface ControlSheetLine {
  stepName: string;
  agencyName: string;
  dueAt: Date | null;
  handedOverAt: Date | null;
  actorName: string | null;
}

export type SlipContent =
  | { form: '02' | '03' | '04'; dossier: SlipDossier; event: SlipEvent; trackingUrl: string }
  | { form: '05'; dossier: SlipDossier; lines: readonly ControlSheetLine[]; issuedAt: Date; trackingUrl: string };

const titles: Record<BackOfficeSlip, string> = {
  '02': 'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ',
  '03': 'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ',
  '04': 'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ',
  '05': 'PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ',
};

const when = (at: Date | null) => (at ? formatVietnamDateTime(at) : '—');

function applicantLines(d: SlipDossier): string[] {
  const contact = [d.applicantPhone && `Số điện thoại: ${d.applicantPhone}`, d.applicantEmail && `Thư điện tử: ${d.applicantEmail}`].filter(
    Boolean,
  );
  return [
    `Hồ sơ của: ${d.applicantName}`,
    `Số định danh cá nhân: ${d.applicantIdNumber}`,
    `Nội dung yêu cầu giải quyết: ${d.procedureName}`,
    ...(contact.length ? [contact.join('    ')] : []),
  ];
}

/** Renders one slip as a PDF in Vietnamese with a QR code to the dossier's tracking page. */
export async function renderSlip(content: SlipContent): Promise<Uint8Array> {
  const d = content.dossier;
  const issuedAt = content.form === '05' ? content.issuedAt : content.event.at;
  // Forms 02, 03 and 05 come from the one-stop counter; the apology (04) from the agency that is late.
  const agencyName = content.form === '04' ? d.handlingAgencyName : d.receivingAgencyName;
  const w = await startSlip({
    form: content.form,
    title: titles[content.form],
    agencyName,
    dossierCode: d.code,
    issuedAt,
  });

  if (content.form === '05') {
    w.text(`(Kèm theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả, mã hồ sơ ${d.code})`, { align: 'center', size: 10 });
    w.text(`Cơ quan giải quyết hồ sơ: ${d.handlingAgencyName}`);
    w.text(`Nơi tiếp nhận và trả kết quả: ${d.receivingAgencyName}`);
    w.text(`Người nộp: ${d.applicantName} — ${d.procedureName}`);
    w.text(`Tiếp nhận: ${when(d.receivedAt)}    Hẹn trả kết quả: ${when(d.appointmentAt)}`);
    w.gap(8);
    table(
      w,
      [
        { title: 'Bước xử lý', width: 0.2 },
        { title: 'Cơ quan', width: 0.2 },
        { title: 'Hạn hoàn thành', width: 0.16 },
        { title: 'Giao, nhận lúc', width: 0.16 },
        { title: 'Người thực hiện', width: 0.14 },
        { title: 'Kết quả', width: 0.14 },
      ],
      content.lines.map((l) => [l.stepName, l.agencyName, when(l.dueAt), when(l.handedOverAt), l.actorName ?? '', progressNote(l)]),
    );
  } else if (content.form === '02') {
    for (const line of applicantLines(d)) w.text(line);
    w.gap(6);
    w.text('Đề nghị ông/bà bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:', { bold: true });
    numberedList(
      w,
      content.event.components.map((c) => (c.note ? `${c.name}: ${c.note}` : c.name)),
    );
    if (content.event.reason) w.text(`Lý do: ${content.event.reason}`);
    w.gap(6);
    w.text('Thời gian chờ ông/bà bổ sung hồ sơ không tính vào thời hạn giải quyết.');
    w.text(`Nếu có vướng mắc, ông/bà liên hệ ${d.receivingAgencyName} để được hướng dẫn.`);
    signature(w, 'Người hướng dẫn', content.event.actorName);
  } else if (content.form === '03') {
    w.text(`${d.receivingAgencyName} đã nhận hồ sơ nộp ngày ${when(d.submittedAt)}:`);
    for (const line of applicantLines(d)) w.text(line, { indent: 14 });
    w.gap(6);
    w.text('Sau khi xem xét, đối chiếu với quy định hiện hành, cơ quan từ chối tiếp nhận, giải quyết hồ sơ này với lý do sau:');
    w.text(content.event.reason ?? '—', { bold: true, indent: 14 });
    w.gap(6);
    w.text('Xin thông báo để ông/bà được biết và thực hiện./.');
    signature(w, 'Người tiếp nhận', content.event.actorName);
  } else if (content.form === '04') {
    w.text(
      `Ngày ${when(d.receivedAt)}, ${d.receivingAgencyName} đã tiếp nhận hồ sơ của ông/bà ${d.applicantName}, ` +
        `nội dung yêu cầu giải quyết: ${d.procedureName}, mã hồ sơ ${d.code}.`,
    );
    w.text(`Thời hạn trả kết quả đã hẹn: ${when(content.event.previousAppointmentAt)}.`);
    w.text(`${d.handlingAgencyName} không thể trả kết quả đúng thời hạn trên, vì lý do: ${content.event.reason ?? '—'}.`);
    w.text(
      `Sự chậm trễ này gây phiền hà cho ông/bà. ${d.handlingAgencyName} trân trọng xin lỗi và hẹn trả kết quả vào ` +
        `${when(content.event.newAppointmentAt)}.`,
      { bold: true },
    );
    w.text('Xin trân trọng cảm ơn sự hợp tác của ông/bà./.');
    signature(w, 'Đại diện cơ quan giải quyết', content.event.actorName);
  }
  trackingQr(w, content.trackingUrl);
  return w.save();
}

/** Đúng hạn / Quá hạn for a step that was handed over; nothing yet for the others. */
function progressNote(line: ControlSheetLine): string {
  if (!line.handedOverAt || !line.dueAt) return '';
  return line.handedOverAt.getTime() <= line.dueAt.getTime() ? 'Đúng hạn' : 'Quá hạn';
}
