import { useId, useState, type FormEvent } from 'react';
import { useI18n, useLoad } from '../../app-state.tsx';
import { describeError } from '../../errors.ts';
import { formatDay } from '../../i18n.ts';
import { complaintKinds, complaintSubjects, type ComplaintKind, type ComplaintSubject } from '../../../feedback/domain/complaint.ts';
import { dislikeReasons, likeReasons, type SatisfactionReason } from '../../../feedback/domain/satisfaction.ts';
import { castVote, fetchDossierFeedback, submitComplaint, type DossierFeedback } from './feedback-api.ts';
import { feedbackText, type FeedbackKey } from './feedback-i18n.ts';

/** The feedback pages' messages in the page's language. */
export function useFeedbackText() {
  const { language } = useI18n();
  return { language, fx: (key: FeedbackKey, values?: Record<string, string | number>) => feedbackText(language, key, values) };
}

/** A form's sending state: `send(work)` runs the request, keeps the button busy and shows a failure as the form's error. */
export function useSending() {
  const { t } = useI18n();
  const [error, setError] = useState('');
  const [isBusy, setBusy] = useState(false);
  const send = async (work: () => Promise<void>) => {
    setBusy(true);
    setError('');
    try {
      await work();
    } catch (e) {
      setError(describeError(e, t));
    } finally {
      setBusy(false);
    }
  };
  return { error, setError, isBusy, send };
}

/** A radio button or checkbox with its label, styled as the form flow's. */
function Choice(props: {
  id: string;
  type: 'radio' | 'checkbox';
  name?: string;
  checked: boolean;
  label: string;
  onChange(checked: boolean): void;
}) {
  return (
    <div className={props.type}>
      <input type={props.type} id={props.id} name={props.name} checked={props.checked} onChange={(e) => props.onChange(e.target.checked)} />
      <label htmlFor={props.id}>{props.label}</label>
    </div>
  );
}

/** Đánh giá mức độ hài lòng — like or dislike with reasons, once, after processing ended. */
function VoteForm({ feedback, onVoted }: { feedback: DossierFeedback; onVoted(): void }) {
  const { fx } = useFeedbackText();
  const id = useId();
  const [isLike, setIsLike] = useState<boolean | null>(null);
  const [reasons, setReasons] = useState<SatisfactionReason[]>([]);
  const [comment, setComment] = useState('');
  const { error, setError, isBusy, send } = useSending();
  if (feedback.vote)
    return (
      <p role="status" data-testid="vote-given">
        {fx('voted', { choice: fx(feedback.vote.isLike ? 'like' : 'dislike') })}{' '}
        {feedback.vote.reasons.map((r) => fx(`reason_${r}` as FeedbackKey)).join(', ')}
      </p>
    );
  if (!feedback.canVote) return <p className="muted">{fx('voteNotYet')}</p>;
  const choices: readonly SatisfactionReason[] = isLike === null ? [] : isLike ? likeReasons : dislikeReasons;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (isLike === null) return setError(fx('voteChoose'));
    await send(async () => {
      await castVote(feedback.dossierId, { isLike, reasons, comment: comment.trim() || null });
      onVoted();
    });
  };
  return (
    <form onSubmit={submit} noValidate>
      <fieldset className="field">
        <legend>{fx('voteQuestion')}</legend>
        {error && (
          <p className="error-text" role="alert" id={`${id}-error`}>
            {error}
          </p>
        )}
        {([true, false] as const).map((value) => (
          <Choice
            key={String(value)}
            id={`${id}-like-${value}`}
            type="radio"
            name={`${id}-like`}
            checked={isLike === value}
            label={fx(value ? 'like' : 'dislike')}
            onChange={() => {
              setIsLike(value);
              setReasons([]);
            }}
          />
        ))}
      </fieldset>
      {choices.length > 0 && (
        <fieldset className="field">
          <legend>{fx('reasons')}</legend>
          {choices.map((reason) => (
            <Choice
              key={reason}
              id={`${id}-reason-${reason}`}
              type="checkbox"
              checked={reasons.includes(reason)}
              label={fx(`reason_${reason}`)}
              onChange={(checked) => setReasons(checked ? [...reasons, reason] : reasons.filter((r) => r !== reason))}
            />
          ))}
        </fieldset>
      )}
      <div className="field">
        <label htmlFor={`${id}-comment`}>{fx('comment')}</label>
        <textarea id={`${id}-comment`} rows={2} maxLength={1000} value={comment} onChange={(e) => setComment(e.target.value)} />
      </div>
      <button type="submit" className="button button-primary" disabled={isBusy}>
        {isBusy ? fx('working') : fx('sendVote')}
      </button>
    </form>
  );
}

/** Phản ánh, kiến nghị — the applicant's complaint or petition about the dossier; deadlines start when it is sent. */
function ComplaintForm({ feedback, onSent }: { feedback: DossierFeedback; onSent(message: string): void }) {
  const { fx, language } = useFeedbackText();
  const id = useId();
  const [kind, setKind] = useState<ComplaintKind>('phan_anh');
  const [subject, setSubject] = useState<ComplaintSubject>('procedure');
  const [content, setContent] = useState('');
  const { error, setError, isBusy, send } = useSending();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (content.trim().length < 10) return setError(fx('contentTooShort'));
    await send(async () => {
      const complaint = await submitComplaint({ dossierId: feedback.dossierId, kind, subject, content: content.trim() });
      setContent('');
      onSent(
        fx('sent', { code: complaint.code, handleBy: formatDay(language, complaint.deadlines.handleBy ?? complaint.deadlines.rejectBy) }),
      );
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <fieldset className="field">
        <legend>{fx('kind')}</legend>
        {complaintKinds.map((k) => (
          <Choice
            key={k}
            id={`${id}-kind-${k}`}
            type="radio"
            name={`${id}-kind`}
            checked={kind === k}
            label={fx(`kind_${k}`)}
            onChange={() => setKind(k)}
          />
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-subject`}>{fx('subject')}</label>
        <select id={`${id}-subject`} value={subject} onChange={(e) => setSubject(e.target.value === 'staff' ? 'staff' : 'procedure')}>
          {complaintSubjects.map((s) => (
            <option key={s} value={s}>
              {fx(`subject_${s}`)}
            </option>
          ))}
        </select>
      </div>
      <div className={error ? 'field field-error' : 'field'}>
        <label htmlFor={`${id}-content`}>{fx('content')}</label>
        <p id={`${id}-hint`} className="hint">
          {fx('contentHint')}
        </p>
        {error && (
          <p id={`${id}-error`} className="error-text" role="alert">
            {error}
          </p>
        )}
        <textarea
          id={`${id}-content`}
          rows={4}
          maxLength={4000}
          value={content}
          aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
          aria-invalid={error ? true : undefined}
          onChange={(e) => setContent(e.target.value)}
        />
      </div>
      <button type="submit" className="button button-secondary" disabled={isBusy}>
        {isBusy ? fx('working') : fx('sendComplaint')}
      </button>
    </form>
  );
}

/** The applicant's feedback on a dossier, on its page: the vote and complaints/petitions with their deadlines. */
export function DossierFeedbackSections({ dossierCode }: { dossierCode: string }) {
  const { fx, language } = useFeedbackText();
  const [version, setVersion] = useState(0);
  const [announcement, setAnnouncement] = useState('');
  const state = useLoad(`feedback|${dossierCode}|${version}`, () => fetchDossierFeedback(dossierCode));
  if (state.status !== 'ready') return null;
  const feedback = state.data;
  return (
    <>
      <section aria-labelledby="vote-title" className="section" data-testid="dossier-vote">
        <h2 id="vote-title">{fx('voteTitle')}</h2>
        {feedback.canVote && <p className="muted">{fx('voteExplain')}</p>}
        <VoteForm
          feedback={feedback}
          onVoted={() => {
            setAnnouncement(fx('voteThanks'));
            setVersion(version + 1);
          }}
        />
      </section>
      <section aria-labelledby="complaint-title" className="section" data-testid="dossier-complaint">
        <h2 id="complaint-title">{fx('complaintTitle')}</h2>
        <p className="muted">{fx('complaintExplain')}</p>
        {announcement && (
          <p className="alert alert-success" role="status">
            {announcement}
          </p>
        )}
        {feedback.complaints.length > 0 && (
          <>
            <h3>{fx('myComplaints')}</h3>
            <ul className="plain-list">
              {feedback.complaints.map((c) => (
                <li key={c.id}>
                  <strong className="mono">{c.code}</strong> — {fx(`kind_${c.kind}`)} — {fx(`status_${c.status}`)}
                  {c.deadlines.handleBy && ` — ${fx('nextDeadline')}: ${formatDay(language, c.deadlines.handleBy)}`}
                  {c.response && <p>{c.response}</p>}
                </li>
              ))}
            </ul>
          </>
        )}
        <ComplaintForm
          feedback={feedback}
          onSent={(message) => {
            setAnnouncement(message);
            setVersion(version + 1);
          }}
        />
      </section>
    </>
  );
}
