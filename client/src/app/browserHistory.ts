/** The browser history entries of the explorer: where we stand among them, for the Back / Forward buttons. */
export class BrowserHistory {
  private index = 0;
  private length = 1;

  /** `onPop` runs after Back / Forward (the URL already changed). */
  constructor(onPop: () => void) {
    const st = history.state as { atlasIndex?: number } | null;
    this.index = st?.atlasIndex ?? 0;
    this.length = this.index + 1;
    history.replaceState({ atlasIndex: this.index }, '', location.href);
    window.addEventListener('popstate', (e) => {
      const s = e.state as { atlasIndex?: number } | null;
      this.index = s?.atlasIndex ?? 0;
      onPop();
    });
  }

  get canBack(): boolean {
    return this.index > 0;
  }
  get canForward(): boolean {
    return this.index < this.length - 1;
  }

  push(url: string): void {
    this.index += 1;
    this.length = this.index + 1;
    history.pushState({ atlasIndex: this.index }, '', url);
  }

  replace(url: string): void {
    history.replaceState({ atlasIndex: this.index }, '', url);
  }
}
