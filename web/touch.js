// Touch on the canvas. One finger is the mouse: a tap clicks, a drag pans the race diagram or
// scrolls a panel. Two fingers pinch to zoom the race diagram's time axis. The page does this
// itself, as mouse events on the canvas one animation frame apart, rather than leave touch to SDL:
// with SDL's touch-to-mouse (a jump and a press in one frame) ImGui 1.86 took the first tap and
// missed every later one (tests/web/narrow.test.mjs). The touch events themselves reach neither
// SDL nor the browser (no compatibility clicks, no page zoom or scroll).
(function () {
  'use strict';
  var canvas = document.getElementById('canvas');
  var finger = null;  // the touch that is the mouse: {id, x, y}
  var pinch = null;   // two fingers down: {distance, x}

  // One mouse event per animation frame: ImGui 1.86 reads the mouse once a frame and takes a
  // press only where the mouse already was, as it is for a real mouse that moves, then presses.
  var queue = [];
  function mouse(type, x, y) {
    queue.push([type, x, y]);
    if (queue.length === 1) requestAnimationFrame(flush);
  }
  function flush() {
    var next = queue.shift();
    send(next[0], next[1], next[2]);
    if (queue.length) requestAnimationFrame(flush);
  }
  var pressed = false;  // what the mouse events sent so far say
  function send(type, x, y) {
    if (type === 'mousedown') pressed = true;
    if (type === 'mouseup') pressed = false;
    canvas.dispatchEvent(new MouseEvent(type, {
      bubbles: type !== 'mouseenter' && type !== 'mouseleave', cancelable: true, view: window,
      clientX: x, clientY: y, screenX: x, screenY: y, button: 0, buttons: pressed ? 1 : 0,
    }));
  }
  function find(touches, id) {
    for (var i = 0; i < touches.length; ++i) if (touches[i].identifier === id) return touches[i];
    return null;
  }
  function spread(touches) {
    var a = touches[0], b = touches[1];
    return { distance: Math.hypot(a.clientX - b.clientX, a.clientY - b.clientY),
             x: (a.clientX + b.clientX) / 2 - canvas.getBoundingClientRect().left };
  }
  function zoom(factor, x) {
    if (window.asyncracePage) window.asyncracePage.call('asyncrace_zoom', null, ['number', 'number'], [x, factor]);
  }
  function lift() {
    if (finger) {
      mouse('mouseup', finger.x, finger.y);
      // A lifted finger hovers nothing: no tooltip left behind (SDL keeps the mouse inside the
      // window, so it rests in the top-left corner, over the name).
      mouse('mousemove', -1, -1);
      mouse('mouseleave', -1, -1);
    }
    finger = null;
  }

  function onTouch(e) {
    if (e.target !== canvas) return;
    e.preventDefault();
    e.stopImmediatePropagation();
    if (e.touches.length >= 2) {  // a pinch: the finger that was the mouse lets go first
      lift();
      var now = spread(e.touches);
      if (pinch && e.type === 'touchmove' && pinch.distance > 0) zoom(now.distance / pinch.distance, now.x);
      pinch = now;
      return;
    }
    pinch = e.touches.length === 0 ? null : pinch;
    if (e.type === 'touchstart' && !finger && !pinch) {
      var t = e.changedTouches[0];
      finger = { id: t.identifier, x: t.clientX, y: t.clientY };
      // A mouse arrives first: SDL gives the window mouse focus on mouseenter, and ImGui reads
      // the mouse only while the window has it (or the keyboard).
      mouse('mouseenter', finger.x, finger.y);
      mouse('mousemove', finger.x, finger.y);
      mouse('mousedown', finger.x, finger.y);
    } else if (e.type === 'touchmove' && finger) {
      var moved = find(e.touches, finger.id);
      if (moved) {
        finger.x = moved.clientX;
        finger.y = moved.clientY;
        mouse('mousemove', finger.x, finger.y);
      }
    } else if ((e.type === 'touchend' || e.type === 'touchcancel') && finger && !find(e.touches, finger.id)) {
      lift();
    }
  }
  ['touchstart', 'touchmove', 'touchend', 'touchcancel'].forEach(function (type) {
    window.addEventListener(type, onTouch, { capture: true, passive: false });
  });
})();
