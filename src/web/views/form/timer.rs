//! "Do this once the citizen has paused typing", without leaking closures or firing after the
//! widget is gone.
//!
//! A keystroke only records its time; at most one browser timer is pending per debouncer. When
//! it fires it either runs the action (the pause is long enough) or re-arms itself for the rest
//! of the pause. Every timer closure therefore runs exactly once (`Closure::once_into_js` frees
//! itself), nothing is cleared or forgotten, and a timer that fires after the widget was removed
//! sees `alive() == false` and does nothing.

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// A pause-then-act scheduler.
pub(crate) struct Debounce {
    delay_ms: f64,
    last: Cell<f64>,
    pending: Cell<bool>,
    action: Box<dyn Fn()>,
    alive: Box<dyn Fn() -> bool>,
}

/// Milliseconds since the page started (monotonic).
pub(crate) fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .unwrap_or(0.0)
}

/// Runs `f` after `ms` milliseconds (once).
pub(crate) fn after(ms: f64, f: impl FnOnce() + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let cb = Closure::once_into_js(f);
    let ms = ms.clamp(0.0, 600_000.0) as i32;
    let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(cb.unchecked_ref(), ms);
}

impl Debounce {
    /// `action` runs `delay_ms` after the last [`Debounce::poke`], unless `alive()` is false.
    pub(crate) fn new(
        delay_ms: f64,
        action: impl Fn() + 'static,
        alive: impl Fn() -> bool + 'static,
    ) -> Rc<Debounce> {
        Rc::new(Debounce {
            delay_ms,
            last: Cell::new(0.0),
            pending: Cell::new(false),
            action: Box::new(action),
            alive: Box::new(alive),
        })
    }

    /// Records activity; the action runs after the next pause.
    pub(crate) fn poke(self: &Rc<Self>) {
        self.last.set(now_ms());
        if !self.pending.replace(true) {
            self.arm(self.delay_ms);
        }
    }

    /// Runs the action now if one is pending (e.g. before the page is hidden).
    pub(crate) fn flush(&self) {
        if self.pending.get() && (self.alive)() {
            self.last.set(f64::NEG_INFINITY);
            (self.action)();
        }
    }

    fn arm(self: &Rc<Self>, ms: f64) {
        let me = self.clone();
        after(ms, move || me.fire());
    }

    fn fire(self: &Rc<Self>) {
        if !(self.alive)() {
            self.pending.set(false);
            return;
        }
        if self.last.get() == f64::NEG_INFINITY {
            // Flushed meanwhile: nothing new to do.
            self.pending.set(false);
            return;
        }
        let waited = now_ms() - self.last.get();
        if waited + 1.0 < self.delay_ms {
            self.arm(self.delay_ms - waited);
            return;
        }
        self.pending.set(false);
        (self.action)();
    }
}
