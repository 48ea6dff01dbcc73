#include "legend.hpp"

#include <imgui.h>

#include "theme.hpp"

namespace asyncrace::ui {
namespace {

enum class swatch { bar, pill, deadline, diamond, cross, shade, job };

struct entry {
  swatch shape;
  const ImU32* color;  // the palette's (some follow the theme)
  const char* meaning;
};

constexpr entry entries[] = {
    {swatch::bar, &palette::step, "runs"},
    {swatch::pill, &palette::sleep, "sleep"},
    {swatch::deadline, &palette::deadline, "deadline"},
    {swatch::pill, &palette::awaiting, "awaits task / gather"},
    {swatch::shade, &palette::blocked_edge, "loop blocked"},
    {swatch::job, &palette::pool_job, "pool job"},
    {swatch::diamond, &palette::finish, "done, rank"},
    {swatch::cross, &palette::failed, "raised"},
};

constexpr float swatch_w = 18.0f;
constexpr float gap = 14.0f;

void draw_swatch(ImDrawList* dl, const entry& e, ImVec2 p, float h) {
  const float cy = p.y + 0.5f * h;
  switch (e.shape) {
    case swatch::bar:
      dl->AddRectFilled({p.x + 6.0f, cy - 6.0f}, {p.x + 10.0f, cy + 6.0f}, *e.color, 1.0f);
      break;
    case swatch::pill: dl->AddRectFilled({p.x, cy - 5.0f}, {p.x + swatch_w, cy + 5.0f}, *e.color, 5.0f); break;
    case swatch::deadline:
      dl->AddLine({p.x + 9.0f, cy - 7.0f}, {p.x + 9.0f, cy + 7.0f}, *e.color, 2.0f);
      break;
    case swatch::diamond:
      dl->AddQuadFilled({p.x + 9.0f, cy - 6.0f}, {p.x + 15.0f, cy}, {p.x + 9.0f, cy + 6.0f}, {p.x + 3.0f, cy},
                        *e.color);
      break;
    case swatch::cross:  // the raise mark (lane_painter.cpp)
      dl->AddLine({p.x + 4.0f, cy - 5.0f}, {p.x + 14.0f, cy + 5.0f}, *e.color, 3.0f);
      dl->AddLine({p.x + 4.0f, cy + 5.0f}, {p.x + 14.0f, cy - 5.0f}, *e.color, 3.0f);
      break;
    case swatch::shade:
      dl->AddRectFilled({p.x, cy - 7.0f}, {p.x + swatch_w, cy + 7.0f}, palette::blocked);
      dl->AddLine({p.x, cy - 7.0f}, {p.x, cy + 7.0f}, *e.color, 1.5f);
      dl->AddLine({p.x + swatch_w, cy - 7.0f}, {p.x + swatch_w, cy + 7.0f}, *e.color, 1.5f);
      break;
    case swatch::job:  // queue wait, then the job's bar, then the hand-back marker
      dl->AddLine({p.x - 2.0f, cy}, {p.x + 5.0f, cy}, palette::queued, 1.0f);
      dl->AddRectFilled({p.x + 5.0f, cy - 5.0f}, {p.x + swatch_w, cy + 5.0f}, *e.color, 2.0f);
      dl->AddLine({p.x + swatch_w, cy - 7.0f}, {p.x + swatch_w, cy + 5.0f}, palette::awaiting, 1.5f);
      break;
  }
}

}  // namespace

float legend_width() {
  float w = 0.0f;
  for (const entry& e : entries) w += swatch_w + 5.0f + ImGui::CalcTextSize(e.meaning).x + gap;
  return w - gap;
}

void draw_legend(ImDrawList* dl, ImVec2 origin, float height) {
  const float text_h = ImGui::GetTextLineHeight();
  ImVec2 p = origin;
  for (const entry& e : entries) {
    draw_swatch(dl, e, {p.x, origin.y + 0.5f * (height - text_h)}, text_h);
    p.x += swatch_w + 5.0f;
    dl->AddText({p.x, origin.y + 0.5f * (height - text_h)}, palette::text_dim, e.meaning);
    p.x += ImGui::CalcTextSize(e.meaning).x + gap;
  }
}

}  // namespace asyncrace::ui
