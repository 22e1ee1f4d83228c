import { createContext, useContext, useId, useRef, useState, type ChangeEvent } from 'react';
import type { FormField } from '../../procedures/forms/definition.ts';
import { uploadAttachment, type Attachment } from '../api.ts';
import { useI18n } from '../app-state.tsx';
import { describeError } from '../errors.ts';
import { formatFileSize } from '../i18n.ts';
import { fieldId, pathToString, type FieldPath } from './flow.ts';
import { describedBy, ErrorMessage, OptionalMark } from '../form-controls.tsx';
import { useFieldScope, useLocalised } from './fields.tsx';

/** Files uploaded so far, by component code (thành phần hồ sơ). */
export interface Uploads {
  uploads: Readonly<Record<string, readonly Attachment[]>>;
  setUploads: (componentCode: string, attachments: readonly Attachment[]) => void;
}

export const UploadsContext = createContext<Uploads | null>(null);

/** The server's limit (dossier-api-contract.md); checked here first so nobody waits for a doomed upload. */
const maxBytes = 10 * 1024 * 1024;
const accept = '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png';

/**
 * One component's files: the chosen files upload at once to POST /api/v1/attachments (checked by
 * content there); each can be removed. Progress and failures are announced politely.
 */
export function UploadField({
  componentCode,
  name,
  field,
  path,
  isRequired,
}: {
  componentCode: string;
  name: string;
  field: Extract<FormField, { type: 'file' }> | null;
  path: FieldPath;
  isRequired: boolean;
}) {
  const context = useContext(UploadsContext);
  const { errors } = useFieldScope();
  const { t, language } = useI18n();
  const text = useLocalised();
  const uid = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState('');
  const [uploadError, setUploadError] = useState('');
  const [isBusy, setBusy] = useState(false);
  if (!context) throw new Error('UploadField outside UploadsContext');
  const files = context.uploads[componentCode] ?? [];
  const maxFiles = field?.maxFiles ?? 5;
  const id = fieldId(path);
  const inputId = `${id}-input`;
  const formError = errors.get(pathToString(path));
  const error = uploadError || formError;
  const help = field?.help ? text(field.help) : undefined;

  const upload = async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = [...(event.target.files ?? [])].slice(0, maxFiles - files.length);
    event.target.value = '';
    if (chosen.length === 0) return;
    setUploadError('');
    setBusy(true);
    let list = [...files];
    try {
      for (const file of chosen) {
        if (file.size > maxBytes) {
          setUploadError(t('upload.tooLarge', { name: file.name }));
          continue;
        }
        setStatus(t('upload.uploading', { name: file.name }));
        try {
          const attachment = await uploadAttachment(file);
          list = [...list, attachment];
          context.setUploads(componentCode, list);
          setStatus(t('upload.done', { name: file.name }));
        } catch (caught) {
          setStatus('');
          setUploadError(t('upload.failed', { name: file.name, message: describeError(caught, t) }));
        }
      }
    } finally {
      setBusy(false);
    }
  };

  const remove = (attachment: Attachment) => {
    context.setUploads(
      componentCode,
      files.filter((f) => f.id !== attachment.id),
    );
    setStatus(t('upload.removed', { name: attachment.fileName }));
    requestAnimationFrame(() => inputRef.current?.focus());
  };

  return (
    <div className={error ? 'field upload field-error' : 'field upload'} id={id}>
      <label htmlFor={inputId}>
        {name}
        <OptionalMark required={isRequired} />
      </label>
      {help && (
        <p id={`${inputId}-hint`} className="hint">
          {help}
        </p>
      )}
      <p id={`${uid}-rules`} className="hint">
        {t('upload.rules', { count: maxFiles })}
      </p>
      <ErrorMessage id={`${inputId}-error`} error={error} />
      {files.length > 0 && (
        <ul className="file-list" aria-label={t('upload.listLabel', { name })}>
          {files.map((attachment) => (
            <li key={attachment.id}>
              <span className="file-name">{attachment.fileName}</span>
              <span className="muted">
                {formatFileSize(language, attachment.sizeBytes)}
                {attachment.pageCount !== null && ` · ${t('upload.pages', { count: attachment.pageCount })}`}
              </span>
              <button type="button" className="button button-secondary button-small" onClick={() => remove(attachment)}>
                {t('upload.remove')} <span className="visually-hidden">{attachment.fileName}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {files.length < maxFiles && (
        <input
          ref={inputRef}
          id={inputId}
          type="file"
          accept={accept}
          multiple={maxFiles - files.length > 1}
          disabled={isBusy}
          aria-invalid={error ? true : undefined}
          aria-describedby={[describedBy(inputId, Boolean(help), Boolean(error)), `${uid}-rules`].filter(Boolean).join(' ')}
          onChange={(e) => void upload(e)}
        />
      )}
      <p className="upload-status" role="status">
        {status}
      </p>
    </div>
  );
}
