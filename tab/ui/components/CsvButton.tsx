// "Export CSV": fetches the list as CSV with the bearer token (a plain link would carry none)
// and hands it to the browser as a download.
import { Button } from '@fluentui/react-components';
import { useState } from 'react';
import { useServices } from '../app/context.js';

export function CsvButton({ path, fileName, label = 'Export CSV' }: { path: string; fileName: string; label?: string }) {
  const { api } = useServices();
  const [state, setState] = useState<'idle' | 'busy' | 'failed'>('idle');
  const download = async () => {
    setState('busy');
    try {
      const csv = await api.getText(path);
      const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = fileName;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 0);
      setState('idle');
    } catch {
      setState('failed');
    }
  };
  return (
    <Button size="small" onClick={() => void download()} disabled={state === 'busy'} data-csv={path}>
      {state === 'failed' ? `${label} (failed, try again)` : label}
    </Button>
  );
}
