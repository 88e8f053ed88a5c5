import { useRef, useState, type ChangeEvent } from 'react';
import { useAppStore } from '../../state/app-store.ts';
import { useDismissableDetails } from '../use-dismiss.ts';
import { exportDiffReport, exportPrediction, exportTrace, importFile } from '../../state/files-controller.ts';
import { usePredictionStore } from '../../state/prediction-store.ts';
import { shareFileText, shareLink, type ShareOptions } from '../../state/share-controller.ts';

function downloadText(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** Copy link, plus the share menu: what a link holds, embedding, exports and imports. */
export function ShareMenu() {
  const [options, setOptions] = useState<ShareOptions>({ includePrediction: true, includeEndpoint: false });
  const [notice, setNotice] = useState<{ text: string; link?: string; tooLong?: boolean } | null>(null);
  const run = useAppStore((s) => s.run);
  const prediction = usePredictionStore((s) => s.prediction);
  const menu = useRef<HTMLDetailsElement>(null);
  useDismissableDetails(menu);
  const finished = run !== null && run.outcome !== null && run.steps > 0;

  const copyLink = async () => {
    const { url, fits } = shareLink(options);
    if (!fits) {
      setNotice({ text: `This link would be ${url.length.toLocaleString('en-US')} characters — too long for browsers and chat apps. Share a file instead.`, tooLong: true });
      return;
    }
    const copied = await copy(url);
    setNotice({ text: copied ? `Link copied (${url.length.toLocaleString('en-US')} characters).` : 'Copy the link below:', link: url });
  };

  const copyEmbed = async () => {
    const { url } = shareLink({ ...options, includeEndpoint: false });
    const embedUrl = url.replace(/(\?[^#]*)?#/, (_, query: string | undefined) => `${query ? query + '&' : '?'}embed=1#`);
    const snippet = `<iframe src="${embedUrl}" width="900" height="520" style="border:1px solid #ccc;border-radius:6px" title="Python trace"></iframe>`;
    const copied = await copy(snippet);
    setNotice({ text: copied ? 'Embed code copied.' : 'Copy the embed code below:', link: snippet });
  };

  const onImport = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (menu.current) menu.current.open = false;
    if (file) await importFile(file);
  };

  return (
    <div className="share">
      <button type="button" onClick={() => void copyLink()} title="Copy a link to this code, this step and the prediction">Copy link</button>
      <details className="share-menu" ref={menu}>
        <summary>Share &amp; files</summary>
        <div className="share-panel">
          <label className="check"><input type="checkbox" checked={options.includePrediction} onChange={(e) => setOptions({ ...options, includePrediction: e.target.checked })} /> include the prediction in links</label>
          <label className="check"><input type="checkbox" checked={options.includeEndpoint} onChange={(e) => setOptions({ ...options, includeEndpoint: e.target.checked })} /> include the endpoint's address (never the key)</label>
          <button type="button" onClick={() => void copyEmbed()}>Copy embed code</button>
          <button type="button" onClick={() => downloadText('playground.share.json', shareFileText(options))}>Download share file</button>
          <hr />
          <button type="button" disabled={!finished} onClick={() => exportTrace('json')}>Export trace (JSON)</button>
          <button type="button" disabled={!finished} onClick={() => exportTrace('cwm')}>Export trace (CWM text)</button>
          <button type="button" disabled={!prediction} onClick={exportPrediction}>Export model output</button>
          <button type="button" disabled={!prediction || !finished} onClick={exportDiffReport}>Export diff report</button>
          <label className="file-button">
            Import a file…
            <input type="file" aria-label="Import a trace, prediction or share file" accept=".json,.txt,.cwm,text/plain,application/json" onChange={(e) => void onImport(e)} />
          </label>
          <p className="muted hint">You can also drop a file anywhere on the page.</p>
        </div>
      </details>
      {notice && (
        <div className="share-notice" role="status">
          <span>{notice.text}</span>
          {notice.link && <input type="text" readOnly value={notice.link} aria-label="Link" onFocus={(e) => e.currentTarget.select()} />}
          {notice.tooLong && <button type="button" onClick={() => downloadText('playground.share.json', shareFileText(options))}>Download share file</button>}
          <button type="button" className="icon" aria-label="Close" onClick={() => setNotice(null)}>✕</button>
        </div>
      )}
    </div>
  );
}
