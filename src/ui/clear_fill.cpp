#include "clear_fill.hpp"

#include <cmath>
#include <cstdint>

#include "asyncrace_gl.hpp"

namespace asyncrace::ui {
namespace {

// The colour travels in the callback's data; the rect is the command's clip rect. A rect's pixels
// are those whose centres it holds, as when ImGui fills it: round the edges, do not truncate them.
void clear_callback(const ImDrawList*, const ImDrawCmd* cmd) {
  const ImDrawData* dd = ImGui::GetDrawData();
  const ImVec2 pos = dd->DisplayPos;
  const ImVec2 scale = dd->FramebufferScale;
  const float fb_h = dd->DisplaySize.y * scale.y;
  const ImVec4 c = cmd->ClipRect;
  const auto x0 = static_cast<GLint>(std::lround((c.x - pos.x) * scale.x));
  const auto x1 = static_cast<GLint>(std::lround((c.z - pos.x) * scale.x));
  const auto y0 = static_cast<GLint>(std::lround(fb_h - (c.w - pos.y) * scale.y));
  const auto y1 = static_cast<GLint>(std::lround(fb_h - (c.y - pos.y) * scale.y));
  if (x1 <= x0 || y1 <= y0) return;
  const auto col = static_cast<ImU32>(reinterpret_cast<std::uintptr_t>(cmd->UserCallbackData));
  const ImVec4 f = ImGui::ColorConvertU32ToFloat4(col);
  glEnable(GL_SCISSOR_TEST);  // ImGui's backend has it on; say so rather than rely on it
  glScissor(x0, y0, x1 - x0, y1 - y0);
  glClearColor(f.x, f.y, f.z, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
}

}  // namespace

void clear_rect(ImDrawList* dl, ImVec2 min, ImVec2 max, ImU32 col) {
  if (max.x <= min.x || max.y <= min.y) return;
  dl->PushClipRect(min, max, false);
  dl->AddCallback(clear_callback, reinterpret_cast<void*>(static_cast<std::uintptr_t>(col)));
  dl->PopClipRect();
}

void clear_rounded_rect(ImDrawList* dl, ImVec2 min, ImVec2 max, ImU32 col, float rounding, ImDrawFlags corners) {
  if (rounding < 0.5f || (corners & ImDrawFlags_RoundCornersNone) != 0) {
    clear_rect(dl, min, max, col);
    return;
  }
  if ((corners & ImDrawFlags_RoundCornersMask_) == 0) corners |= ImDrawFlags_RoundCornersAll;  // ImGui's default
  // ImGui rounds a lone corner of a k-wide square by at most k - 1: one pixel more than the
  // radius keeps the radius.
  const float k = std::ceil(rounding) + 1.0f;
  if (max.x - min.x < 2.0f * k || max.y - min.y < 2.0f * k) {
    dl->AddRectFilled(min, max, col, rounding, corners);  // too small to split: as ImGui would
    return;
  }
  const bool tl = (corners & ImDrawFlags_RoundCornersTopLeft) != 0;
  const bool tr = (corners & ImDrawFlags_RoundCornersTopRight) != 0;
  const bool bl = (corners & ImDrawFlags_RoundCornersBottomLeft) != 0;
  const bool br = (corners & ImDrawFlags_RoundCornersBottomRight) != 0;
  const float top = (tl || tr) ? min.y + k : min.y;
  const float bottom = (bl || br) ? max.y - k : max.y;
  clear_rect(dl, {min.x, top}, {max.x, bottom}, col);  // the middle band, full width
  if (top > min.y) clear_rect(dl, {tl ? min.x + k : min.x, min.y}, {tr ? max.x - k : max.x, top}, col);
  if (bottom < max.y) clear_rect(dl, {bl ? min.x + k : min.x, bottom}, {br ? max.x - k : max.x, max.y}, col);
  if (tl) dl->AddRectFilled(min, {min.x + k, min.y + k}, col, rounding, ImDrawFlags_RoundCornersTopLeft);
  if (tr) dl->AddRectFilled({max.x - k, min.y}, {max.x, min.y + k}, col, rounding, ImDrawFlags_RoundCornersTopRight);
  if (bl) dl->AddRectFilled({min.x, max.y - k}, {min.x + k, max.y}, col, rounding, ImDrawFlags_RoundCornersBottomLeft);
  if (br) dl->AddRectFilled({max.x - k, max.y - k}, max, col, rounding, ImDrawFlags_RoundCornersBottomRight);
}

}  // namespace asyncrace::ui
