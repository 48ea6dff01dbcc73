#include "race_svg.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

#include "lane_layout.hpp"
#include "pool_lanes.hpp"
#include "time_axis.hpp"

namespace asyncrace::ui {
namespace {

constexpr float margin = 16.0f;
constexpr float title_h = 34.0f;
constexpr float axis_h = 24.0f;
constexpr float row_h = 24.0f;
constexpr float rank_w = 48.0f;

// The page's palette (theme.hpp) as CSS classes, one block per theme.
constexpr const char* dark_style =
    ".bg{fill:#181b21}.band{fill:#1f2329}.text{fill:#dee2e8}.dim{fill:#8c94a0}.accent{fill:#5ea0ff}"
    ".grid{stroke:#ffffff;stroke-opacity:.1}.axis{stroke:#464e5c}";
constexpr const char* light_style =
    ".bg{fill:#f7f8fa}.band{fill:#eceef2}.text{fill:#1c2027}.dim{fill:#5c6470}.accent{fill:#1f5fbf}"
    ".grid{stroke:#000000;stroke-opacity:.1}.axis{stroke:#a4abb6}";
// Shared: spans and marks keep their meaning (and colour) in both themes.
constexpr const char* marks_style =
    ".sleep{fill:#4c8dff;fill-opacity:.8}.await{fill:#a078e6;fill-opacity:.6}.yield{fill:#46c8c8}"
    ".future{fill:#9696a0;fill-opacity:.6}.step{stroke:#3cb866;stroke-width:2}.deadline{stroke:#e8a820;stroke-width:2}"
    ".created{fill:#9aa2ae}.finish{fill:#f0b830}.failed{fill:#ff645a}.job{fill:#ec8c48}"
    ".queued{fill:#ec8c48;fill-opacity:.4}.blocked{fill:#ff4646;fill-opacity:.22}";

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

class svg_writer {
 public:
  svg_writer(const trace::recording& rec, const svg_options& o) : rec_(rec), o_(o) {}

  std::string write() {
    const std::vector<lane_row> order = order_lanes(rec_.lanes());
    const std::vector<pool_lane> pools = layout_pool_lanes(rec_.jobs(), trace::never);
    const std::size_t rows = order.size() + pools.size();
    const float height = title_h + axis_h + row_h * static_cast<float>(std::max<std::size_t>(rows, 1)) + margin;
    label_w_ = std::floor(std::clamp(o_.width * 0.28f, 140.0f, 300.0f));
    plot_x0_ = margin + label_w_;
    plot_x1_ = o_.width - margin - rank_w;
    end_ = rec_.end_time() > 0.0 ? rec_.end_time() : 1.0;
    axis_ = fit(0.0, end_, plot_x1_ - plot_x0_);
    rows_top_ = title_h + axis_h;

    out_ += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + num(o_.width) + "\" height=\"" + num(height) +
            "\" viewBox=\"0 0 " + num(o_.width) + " " + num(height) +
            "\" font-family=\"DejaVu Sans, Verdana, sans-serif\" font-size=\"12\">\n";
    out_ += "<title>" + xml_escape(o_.title) + "</title>\n<style>";
    out_ += o_.light ? light_style : dark_style;
    out_ += marks_style;
    out_ += "</style>\n<clipPath id=\"labels\"><rect x=\"0\" y=\"0\" width=\"" + num(plot_x0_ - 8.0f) + "\" height=\"" +
            num(height) + "\"/></clipPath>\n";
    out_ += "<rect class=\"bg\" width=\"100%\" height=\"100%\"/>\n";
    text(margin, 22.0f, "accent", o_.title, " font-size=\"15\"");
    for (std::size_t i = 1; i < rows; i += 2)
      out_ += "<rect class=\"band\" x=\"0\" y=\"" + num(row_top(i)) + "\" width=\"" + num(o_.width) + "\" height=\"" +
              num(row_h) + "\"/>\n";
    axis(height);
    out_ += "<g clip-path=\"url(#labels)\">\n";
    for (std::size_t i = 0; i < order.size(); ++i) {
      const trace::task_lane& lane = rec_.lanes()[order[i].lane];
      text(margin + 12.0f * static_cast<float>(order[i].depth), row_mid(i) + 4.0f, "text", lane_label(lane));
    }
    for (std::size_t i = 0; i < pools.size(); ++i)
      text(margin, row_mid(order.size() + i) + 4.0f, "text", pool_lane_label(pools[i]));
    out_ += "</g>\n";
    blocked(order.size());
    for (std::size_t i = 0; i < order.size(); ++i) task_row(rec_.lanes()[order[i].lane], i);
    for (std::size_t i = 0; i < pools.size(); ++i) pool_row(pools[i], order.size() + i);
    out_ += "</svg>\n";
    return std::move(out_);
  }

 private:
  float row_top(std::size_t i) const { return rows_top_ + row_h * static_cast<float>(i); }
  float row_mid(std::size_t i) const { return row_top(i) + 0.5f * row_h; }
  float x(double t) const {
    return plot_x0_ + static_cast<float>(std::clamp(axis_.to_x(t), -4.0, static_cast<double>(plot_x1_ - plot_x0_) + 4.0));
  }

  void text(float x0, float y, const char* cls, std::string_view s, std::string_view extra = "") {
    out_ += "<text class=\"" + std::string(cls) + "\" x=\"" + num(x0) + "\" y=\"" + num(y) + "\"";
    out_ += extra;
    out_ += ">" + xml_escape(s) + "</text>\n";
  }
  // A span [a, b] on row i, `frac` of the row's height, with a hover title.
  void span(const char* cls, double a, double b, std::size_t i, float frac, std::string_view tip) {
    const float x0 = x(a);
    const float w = std::max(1.0f, x(b) - x0);
    const float h = row_h * frac;
    out_ += "<rect class=\"" + std::string(cls) + "\" x=\"" + num(x0) + "\" y=\"" + num(row_mid(i) - 0.5f * h) +
            "\" width=\"" + num(w) + "\" height=\"" + num(h) + "\" rx=\"2\"><title>" + xml_escape(tip) + "</title></rect>\n";
  }
  void tick(const char* cls, double t, std::size_t i, float frac) {
    const float h = row_h * frac;
    out_ += "<line class=\"" + std::string(cls) + "\" x1=\"" + num(x(t)) + "\" x2=\"" + num(x(t)) + "\" y1=\"" +
            num(row_mid(i) - 0.5f * h) + "\" y2=\"" + num(row_mid(i) + 0.5f * h) + "\"/>\n";
  }
  void dot(const char* cls, double t, std::size_t i, float r) {
    out_ += "<circle class=\"" + std::string(cls) + "\" cx=\"" + num(x(t)) + "\" cy=\"" + num(row_mid(i)) + "\" r=\"" +
            num(r) + "\"/>\n";
  }

  void axis(float height) {
    const tick_spacing ticks = ticks_for(axis_.px_per_s);
    const float top = title_h;
    for (double k = std::ceil(axis_.to_t(0.0) / ticks.major - 1e-9);; k += 1.0) {
      const double t = k * ticks.major;
      if (axis_.to_x(t) > plot_x1_ - plot_x0_ + 1.0) break;
      const float px = x(t);
      out_ += "<line class=\"grid\" x1=\"" + num(px) + "\" x2=\"" + num(px) + "\" y1=\"" + num(top + axis_h - 4.0f) +
              "\" y2=\"" + num(height - margin) + "\"/>\n";
      text(px, top + 14.0f, "dim", format_tick(t, ticks.decimals), " text-anchor=\"middle\" font-size=\"11\"");
    }
    out_ += "<line class=\"axis\" x1=\"" + num(plot_x0_) + "\" x2=\"" + num(plot_x1_) + "\" y1=\"" + num(top + axis_h) +
            "\" y2=\"" + num(top + axis_h) + "\"/>\n";
    text(margin, top + 14.0f, "dim", "task", " font-size=\"11\"");
    text(plot_x1_ + 8.0f, top + 14.0f, "dim", "rank", " font-size=\"11\"");
  }

  void blocked(std::size_t task_rows) {
    if (task_rows == 0) return;
    for (const trace::blocked_span& b : rec_.blocked())
      out_ += "<rect class=\"blocked\" x=\"" + num(x(b.begin)) + "\" y=\"" + num(row_top(0)) + "\" width=\"" +
              num(std::max(1.0f, x(b.end) - x(b.begin))) + "\" height=\"" + num(row_h * static_cast<float>(task_rows)) +
              "\"><title>loop blocked " + format_seconds(b.end - b.begin) + " s</title></rect>\n";
  }

  void task_row(const trace::task_lane& lane, std::size_t i) {
    const double life_end = lane.done() ? lane.finished : end_;
    dot("created", lane.created, i, 3.0f);
    for (const trace::wait_span& w : lane.waits) {
      const double until = w.end == trace::never ? life_end : w.end;
      const std::string when = format_seconds(w.begin) + " \xe2\x86\x92 " + format_seconds(until) + " s";
      switch (w.on.kind) {
        case wait_kind::sleep:
          span("sleep", w.begin, until, i, 0.5f, "sleep until " + format_seconds(w.on.deadline) + " s: " + when);
          tick("deadline", w.on.deadline, i, 0.7f);
          break;
        case wait_kind::yield: span("yield", w.begin, until, i, 0.5f, "sleep(0): " + when); break;
        case wait_kind::task:
        case wait_kind::gather: span("await", w.begin, until, i, 0.5f, "awaiting: " + when); break;
        case wait_kind::future: span("future", w.begin, until, i, 0.5f, "awaiting a future: " + when); break;
      }
    }
    for (double s : lane.steps) tick("step", s, i, 0.7f);
    if (!lane.done()) return;
    const char* cls = lane.outcome == task_outcome::result ? "finish" : "failed";
    dot(cls, lane.finished, i, 5.0f);
    text(plot_x1_ + 0.5f * rank_w, row_mid(i) + 4.0f, cls, std::to_string(lane.finish_rank),
         " text-anchor=\"middle\" font-weight=\"bold\"");
  }

  void pool_row(const pool_lane& pool, std::size_t i) {
    for (std::size_t j : pool.jobs) {
      const trace::pool_job& job = rec_.jobs()[j];
      if (job.start > job.queued) span("queued", job.queued, job.start, i, 0.3f, job.what + " queued");
      span("job", job.start, job.end, i, 0.55f,
           job.what + ": " + format_seconds(job.start) + " \xe2\x86\x92 " + format_seconds(job.end) + " s");
    }
    text(plot_x1_ + 0.5f * rank_w, row_mid(i) + 4.0f, "dim", std::to_string(pool.jobs.size()),
         " text-anchor=\"middle\"");
  }

  const trace::recording& rec_;
  const svg_options& o_;
  std::string out_;
  float label_w_ = 0.0f, plot_x0_ = 0.0f, plot_x1_ = 0.0f, rows_top_ = 0.0f;
  double end_ = 1.0;
  time_axis axis_;
};

}  // namespace

std::string xml_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default:
        // XML 1.0 allows no control characters but tab and newline: a printed \x1b would make
        // the file unreadable.
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n') out += "\xef\xbf\xbd";
        else out += c;
    }
  }
  return out;
}

std::string race_svg(const trace::recording& rec, const svg_options& options) {
  return svg_writer(rec, options).write();
}

}  // namespace asyncrace::ui
