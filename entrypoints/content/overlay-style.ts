/** Styles of the overlay layer, inside our shadow root only. */
export const OVERLAY_CSS = `
:host { all: initial; }
.layer { position: absolute; left: 0; top: 0; width: 0; height: 0; pointer-events: none; font: 13px/1.5 "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif; }
.mark { position: absolute; box-sizing: border-box; border: 2px solid; border-radius: 3px; pointer-events: none; }
.mark.sev-veto { border-color: #dc2626; background: rgba(220,38,38,.08); }
.mark.sev-major { border-color: #ea580c; }
.mark.sev-minor { border-color: #ca8a04; }
.mark.sev-info { border-color: #2563eb; }
/* Link states come after severities so they win: a dead link (major) is red, not the major orange. */
.mark.state-dead { border-color: #dc2626; background: rgba(220,38,38,.08); }
.mark.state-inconclusive { border-color: #f97316; border-style: dashed; }
.mark.state-redirect { border-color: #2563eb; border-style: dotted; }
.mark.flash { animation: gsi-flash 0.4s ease-in-out 4 alternate; box-shadow: 0 0 0 4px rgba(250,204,21,.9); }
@keyframes gsi-flash { from { opacity: 1; } to { opacity: .2; } }
.tip { position: relative; width: max-content; max-width: 360px; background: #fff; color: #1f2937; border: 1px solid #d1d5db; border-left: 4px solid #2563eb; border-radius: 6px; box-shadow: 0 6px 20px rgba(0,0,0,.18); padding: 8px 10px; pointer-events: none; }
.tip.sev-veto { border-left-color: #dc2626; } .tip.sev-major { border-left-color: #ea580c; } .tip.sev-minor { border-left-color: #ca8a04; }
.tip.state-dead { border-left-color: #dc2626; } .tip.state-inconclusive { border-left-color: #f97316; } .tip.state-redirect { border-left-color: #2563eb; }
.tip-row { font-size: 12px; color: #374151; }
.tip-head { display: flex; gap: 6px; align-items: center; margin-bottom: 2px; font-size: 12px; }
.tip-sev { font-weight: 700; } .tip-check { color: #4b5563; }
.tip-flag { background: #fef3c7; color: #92400e; border-radius: 3px; padding: 0 4px; }
.tip-expected strong { color: #047857; }
.tip-target { color: #4b5563; word-break: break-all; font-size: 12px; }
`;
