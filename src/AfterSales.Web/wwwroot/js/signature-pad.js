// A signature pad for touch, pen and mouse: pointer events on a canvas, drawn at the device's pixel ratio.
// Blazor calls attach/clear/isEmpty/toPng through JS interop (Components/Pages/RepairOrders/SignaturePad.razor).
const pads = new WeakMap();

export function attach(canvas) {
    const ratio = window.devicePixelRatio || 1;
    const rect = canvas.getBoundingClientRect();
    canvas.width = Math.round(rect.width * ratio);
    canvas.height = Math.round(rect.height * ratio);
    const ctx = canvas.getContext("2d");
    ctx.scale(ratio, ratio);
    ctx.lineWidth = 2.5;
    ctx.lineCap = "round";
    ctx.lineJoin = "round";
    ctx.strokeStyle = "#111";
    const state = { ctx, drawing: false, strokes: 0, last: null };
    pads.set(canvas, state);

    const point = e => {
        const r = canvas.getBoundingClientRect();
        return { x: e.clientX - r.left, y: e.clientY - r.top };
    };
    canvas.addEventListener("pointerdown", e => {
        e.preventDefault();
        canvas.setPointerCapture(e.pointerId);
        state.drawing = true;
        state.last = point(e);
        ctx.beginPath();
        ctx.arc(state.last.x, state.last.y, 1, 0, Math.PI * 2);
        ctx.fill();
        state.strokes++;
    });
    canvas.addEventListener("pointermove", e => {
        if (!state.drawing) return;
        e.preventDefault();
        const p = point(e);
        ctx.beginPath();
        ctx.moveTo(state.last.x, state.last.y);
        ctx.lineTo(p.x, p.y);
        ctx.stroke();
        state.last = p;
    });
    const end = () => { state.drawing = false; };
    canvas.addEventListener("pointerup", end);
    canvas.addEventListener("pointercancel", end);
    canvas.addEventListener("pointerleave", end);
}

export function clear(canvas) {
    const state = pads.get(canvas);
    if (!state) return;
    state.ctx.save();
    state.ctx.setTransform(1, 0, 0, 1, 0, 0);
    state.ctx.clearRect(0, 0, canvas.width, canvas.height);
    state.ctx.restore();
    state.strokes = 0;
}

export function isEmpty(canvas) {
    const state = pads.get(canvas);
    return !state || state.strokes === 0;
}

export function toPng(canvas) {
    return canvas.toDataURL("image/png");
}
