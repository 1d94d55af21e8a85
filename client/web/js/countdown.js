// A countdown bar driven by the server's deadline on the server's clock (now() is the
// connection's estimate of it), so every screen in the room shows the same time left.

export class Countdown {
  constructor(bar, label, now) {
    this.bar = bar;
    this.label = label;
    this.now = now;
    this.frame = null;
    this.deadline = 0;
    this.total = 1;
    this.frozen = null;  // remaining ms while paused
  }

  // deadline: server ms; total: full length in ms (for the bar's scale).
  start(deadline, total) {
    this.deadline = deadline;
    this.total = Math.max(1, total);
    this.frozen = null;
    // The deadline as a hook for tests: an extension moves it later by exactly the time added.
    this.bar.dataset.deadline = String(deadline);
    this.tick();
  }

  pause(remaining) {
    this.frozen = Math.max(0, remaining);
    this.stopTimer();
    this.draw(this.frozen);
  }

  stop() {
    this.stopTimer();
  }

  stopTimer() {
    clearTimeout(this.frame);
    this.frame = null;
  }

  tick() {
    this.stopTimer();
    // The clock estimate is good to a round trip; never show more than the question's time.
    const left = Math.min(this.total, Math.max(0, this.deadline - this.now()));
    this.draw(left);
    // A few updates a second are enough for a bar; timers also keep running in a background tab
    // where animation frames would not.
    if (left > 0) this.frame = setTimeout(() => this.tick(), 100);
  }

  draw(left) {
    const share = Math.max(0, Math.min(1, left / this.total));
    const seconds = Math.ceil(left / 1000);
    this.bar.max = 1000;
    this.bar.value = Math.round(share * 1000);
    this.bar.setAttribute('aria-valuenow', String(seconds));
    this.bar.setAttribute('aria-valuetext', `${seconds} seconds left`);
    this.bar.classList.toggle('low', share < 0.25);
    if (this.label) this.label.textContent = this.frozen !== null ? `${seconds} s (paused)` : `${seconds} s`;
  }
}
