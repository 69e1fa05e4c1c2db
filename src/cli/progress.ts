// A one-line progress display on stderr, only on a terminal: runs (or other units) done, rate, ETA.
export interface Progress {
  update(done: number, planned: number): void;
  end(): void;
}

export function progressLine(stream: NodeJS.WriteStream, enabled: boolean, now: () => number = () => performance.now(), unit = "runs"): Progress {
  if (!enabled) return { update() {}, end() {} };
  const started = now();
  let last = -Infinity;
  let startDone: number | undefined;
  let shown = false;
  return {
    update(done, planned) {
      startDone ??= done;
      const t = now();
      if (t - last < 200 && done < planned) return;
      last = t;
      const rate = (done - startDone) / Math.max((t - started) / 1000, 1e-9);
      const eta = rate > 0 ? (planned - done) / rate : Infinity;
      const width = 24;
      const filled = Math.round((width * done) / Math.max(planned, 1));
      const bar = "█".repeat(filled) + "░".repeat(width - filled);
      const shownRate = rate >= 10 || rate === 0 ? Math.round(rate).toLocaleString("en-US") : rate.toPrecision(2);
      stream.write(`\r${bar} ${done.toLocaleString("en-US")}/${planned.toLocaleString("en-US")} ${unit} · ${shownRate} ${unit}/s · ETA ${formatSeconds(eta)}  `);
      shown = true;
    },
    end() {
      if (shown) stream.write("\r\x1b[2K");
    },
  };
}

function formatSeconds(s: number): string {
  if (!Number.isFinite(s)) return "–";
  if (s < 60) return `${Math.ceil(s)} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;
  return `${Math.floor(s / 3600)} h ${Math.round((s % 3600) / 60)} min`;
}
