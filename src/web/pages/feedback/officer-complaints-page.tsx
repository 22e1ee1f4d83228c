import { useId, useState } from 'react';
import { useLoad, useSession } from '../../app-state.tsx';
import { formatDateTime, formatDay } from '../../i18n.ts';
import { usePageTitle } from '../../layout.tsx';
import { Link } from '../../router.tsx';
import { complaintTable, type ComplaintAction } from '../../../feedback/domain/complaint.ts';
import { actOnComplaint, fetchComplaints, type Complaint } from './feedback-api.ts';
import type { FeedbackKey } from './feedback-i18n.ts';
import { useFeedbackText, useSending } from './dossier-feedback.tsx';
import '../leaders/leaders.css';
import './feedback.css';

/** The deadline a complaint waits on now: refuse/ask by while received, handle by, then publish by. */
function nextDeadline(c: Complaint): string | null {
  if (c.status === 'received') return c.deadlines.rejectBy;
  if (c.status === 'handling' || c.status === 'info_requested') return c.deadlines.handleBy;
  if (c.status === 'resolved') return c.deadlines.publishBy;
  return null;
}

/** The agency's actions the transition table allows from a complaint's status. */
const agencyActions = (c: Complaint): ComplaintAction[] =>
  complaintTable.filter((r) => r.actor === 'agency' && r.from.includes(c.status)).map((r) => r.action);

function ComplaintPanel({ complaint, onDone, onClose }: { complaint: Complaint; onDone(c: Complaint): void; onClose(): void }) {
  const { fx, language } = useFeedbackText();
  const id = useId();
  const [text, setText] = useState('');
  const { error, isBusy, send } = useSending();
  const act = (action: ComplaintAction) =>
    send(async () => {
      onDone(await actOnComplaint(complaint.id, action, text.trim() || undefined));
      setText('');
    });
  const actions = agencyActions(complaint);
  return (
    <section className="confirm-panel" aria-labelledby={`${id}-title`} data-testid="complaint-panel">
      <h2 id={`${id}-title`}>
        {complaint.code} — {fx(`kind_${complaint.kind}`)}
      </h2>
      <p>
        {fx('dossier')}: <span className="mono">{complaint.dossierCode}</span> · {fx(`subject_${complaint.subject}`)}
      </p>
      <p>{complaint.content}</p>
      <ul className="plain-list">
        {complaint.history.map((h) => (
          <li key={`${h.at}-${h.action}`}>
            {formatDateTime(language, h.at)} — {fx(`status_${h.toStatus}`)}
            {h.text ? `: ${h.text}` : ''}
          </li>
        ))}
      </ul>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      {actions.length > 0 && (
        <>
          <div className="field">
            <label htmlFor={`${id}-text`}>{fx('actionText')}</label>
            <textarea id={`${id}-text`} rows={3} maxLength={4000} value={text} onChange={(e) => setText(e.target.value)} />
          </div>
          <p className="button-row">
            {actions.map((action) => (
              <button key={action} type="button" className="button button-secondary" disabled={isBusy} onClick={() => void act(action)}>
                {fx(`action_${action}` as FeedbackKey)}
              </button>
            ))}
          </p>
        </>
      )}
      <button type="button" className="link-button" onClick={onClose}>
        {fx('close')}
      </button>
    </section>
  );
}

/** /can-bo/phan-anh — an agency's complaints and petitions against their working-day deadlines, and their handling. */
export default function OfficerComplaintsPage() {
  const { state } = useSession();
  const { fx, language } = useFeedbackText();
  usePageTitle(fx('officerTitle'));
  const principal = state.status === 'ready' ? state.session.principal : null;
  const isOfficer = principal?.kind === 'officer';
  const [version, setVersion] = useState(0);
  const [selected, setSelected] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const list = useLoad(isOfficer ? `complaints|${version}` : null, fetchComplaints);
  if (state.status === 'loading') return <p className="muted">{fx('loading')}</p>;
  if (!isOfficer)
    return (
      <>
        <h1>{fx('officerTitle')}</h1>
        <p>{fx('notAllowed')}</p>
        <p>
          <Link to="/can-bo/dang-nhap">{fx('signIn')}</Link>
        </p>
      </>
    );
  const complaints = list.status === 'ready' ? list.data.complaints : [];
  const current = complaints.find((c) => c.id === selected) ?? null;
  return (
    <div>
      <h1>{fx('officerTitle')}</h1>
      <p className="lead">{fx('officerIntro')}</p>
      {announcement && (
        <p className="alert alert-success" role="status">
          {announcement}
        </p>
      )}
      {list.status === 'loading' && <p className="muted">{fx('loading')}</p>}
      {list.status === 'failed' && <p className="error-text">{fx('failed')}</p>}
      {list.status === 'ready' && complaints.length === 0 && <p>{fx('officerNone')}</p>}
      {complaints.length > 0 && (
        <div className="table-scroll">
          <table className="data-table" data-testid="complaints">
            <thead>
              <tr>
                <th scope="col">{fx('code')}</th>
                <th scope="col">{fx('dossier')}</th>
                <th scope="col">{fx('kind')}</th>
                <th scope="col">{fx('receivedAt')}</th>
                <th scope="col">{fx('status')}</th>
                <th scope="col">{fx('nextDeadline')}</th>
              </tr>
            </thead>
            <tbody>
              {complaints.map((c) => {
                const due = nextDeadline(c);
                return (
                  <tr key={c.id} className={c.isOverdue ? 'is-overdue' : undefined}>
                    <th scope="row">
                      <button type="button" className="link-button" onClick={() => setSelected(c.id)}>
                        {c.code}
                      </button>
                    </th>
                    <td className="mono">{c.dossierCode}</td>
                    <td>{fx(`kind_${c.kind}`)}</td>
                    <td>{formatDateTime(language, c.receivedAt)}</td>
                    <td>{fx(`status_${c.status}`)}</td>
                    <td>
                      {due ? formatDay(language, due) : '—'}
                      {c.isOverdue && <strong className="badge-overdue"> {fx('overdue')}</strong>}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {current && (
        <ComplaintPanel
          key={current.id}
          complaint={current}
          onClose={() => setSelected(null)}
          onDone={(updated) => {
            setAnnouncement(fx('actionDone', { code: updated.code, status: fx(`status_${updated.status}`) }));
            setVersion(version + 1);
          }}
        />
      )}
    </div>
  );
}
