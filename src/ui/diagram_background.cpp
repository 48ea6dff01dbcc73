#include "diagram_background.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "asyncrace_gl.hpp"
#include "platform/platform.hpp"

namespace asyncrace::embedded {
extern const char race_background_vert[];
extern const char race_background_frag[];
}  // namespace asyncrace::embedded

namespace asyncrace::ui {

struct diagram_background::gpu_handles {
  GLuint program = 0;
  GLuint vao = 0;
  GLint rect = -1, display_pos = -1, display_size = -1, plot_x = -1, rows = -1, hovered = -1;
  GLint grid = -1, now_x = -1, even = -1, odd = -1, minor = -1, major = -1, future = -1, hover = -1;
};

namespace {

GLuint compile(GLenum stage, const char* body) {
  // The shader files carry no #version: each platform's dialect line goes first.
  const std::string source = std::string(platform::glsl_version()) + "\n" + body;
  const char* text = source.c_str();
  const GLuint shader = glCreateShader(stage);
  glShaderSource(shader, 1, &text, nullptr);
  glCompileShader(shader);
  GLint ok = 0;
  glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
  if (ok == 0) {
    char log[1024] = {};
    glGetShaderInfoLog(shader, sizeof log, nullptr, log);
    std::fprintf(stderr, "asyncrace: race_background shader failed to compile: %s\n", log);
    glDeleteShader(shader);
    return 0;
  }
  return shader;
}

GLuint link(GLuint vert, GLuint frag) {
  const GLuint program = glCreateProgram();
  glAttachShader(program, vert);
  glAttachShader(program, frag);
  glLinkProgram(program);
  glDeleteShader(vert);
  glDeleteShader(frag);
  GLint ok = 0;
  glGetProgramiv(program, GL_LINK_STATUS, &ok);
  if (ok == 0) {
    char log[1024] = {};
    glGetProgramInfoLog(program, sizeof log, nullptr, log);
    std::fprintf(stderr, "asyncrace: race_background shader failed to link: %s\n", log);
    glDeleteProgram(program);
    return 0;
  }
  return program;
}

void uniform4(GLint at, const float (&c)[4]) { glUniform4f(at, c[0], c[1], c[2], c[3]); }

}  // namespace

diagram_background::diagram_background() = default;
diagram_background::~diagram_background() = default;

bool diagram_background::queue(ImDrawList* dl, const background_params& params) {
  if (failed_) return false;
  params_ = params;
  dl->AddCallback(&diagram_background::render, this);
  dl->AddCallback(ImDrawCallback_ResetRenderState, nullptr);
  return true;
}

namespace {

bool create(diagram_background::gpu_handles& g) {
  const GLuint vert = compile(GL_VERTEX_SHADER, embedded::race_background_vert);
  const GLuint frag = compile(GL_FRAGMENT_SHADER, embedded::race_background_frag);
  if (vert == 0 || frag == 0) return false;
  g.program = link(vert, frag);
  if (g.program == 0) return false;
  glGenVertexArrays(1, &g.vao);  // empty: the vertex shader makes the quad from gl_VertexID
  auto at = [&](const char* name) { return glGetUniformLocation(g.program, name); };
  g.rect = at("u_rect");
  g.display_pos = at("u_display_pos");
  g.display_size = at("u_display_size");
  g.plot_x = at("u_plot_x");
  g.rows = at("u_rows");
  g.hovered = at("u_hovered");
  g.grid = at("u_grid");
  g.now_x = at("u_now_x");
  g.even = at("u_even");
  g.odd = at("u_odd");
  g.minor = at("u_minor");
  g.major = at("u_major");
  g.future = at("u_future");
  g.hover = at("u_hover");
  return true;
}

// Grid lines as pixels: the first visible minor line's x and its index modulo the major period.
void set_grid(GLint at, const background_params& p) {
  const double minor = p.ticks.minor;
  const double first_index = std::ceil(p.axis.to_t(0.0) / minor - 1e-9);
  const double first_x = p.plot_x0 + p.axis.to_x(first_index * minor);
  const double per_major = std::round(p.ticks.major / minor);
  const double phase = std::fmod(std::fmod(first_index, per_major) + per_major, per_major);
  glUniform4f(at, static_cast<float>(first_x), static_cast<float>(minor * p.axis.px_per_s),
              static_cast<float>(per_major), static_cast<float>(phase));
}

// ImGui's backend skips scissoring for callbacks: clip to the command's rect ourselves.
void scissor(const ImDrawCmd* cmd) {
  const ImDrawData* dd = ImGui::GetDrawData();
  const ImVec2 pos = dd->DisplayPos;
  const ImVec2 scale = dd->FramebufferScale;
  const float fb_h = dd->DisplaySize.y * scale.y;
  const ImVec4 c = cmd->ClipRect;
  glEnable(GL_SCISSOR_TEST);
  glScissor(static_cast<GLint>((c.x - pos.x) * scale.x), static_cast<GLint>(fb_h - (c.w - pos.y) * scale.y),
            static_cast<GLsizei>((c.z - c.x) * scale.x), static_cast<GLsizei>((c.w - c.y) * scale.y));
}

}  // namespace

void diagram_background::render(const ImDrawList*, const ImDrawCmd* cmd) {
  auto& self = *static_cast<diagram_background*>(cmd->UserCallbackData);
  if (self.gpu_ == nullptr) {
    self.gpu_ = std::make_unique<gpu_handles>();
    if (!create(*self.gpu_)) {
      self.failed_ = true;
      return;
    }
  }
  if (self.failed_) return;
  const gpu_handles& g = *self.gpu_;
  const background_params& p = self.params_;
  // The quad covers only the rows (the shader discards what lies outside them): a run of a few
  // tasks leaves most of the lane area to the panel's cleared background, and a GPU-less browser
  // shades ~30 ns a pixel.
  const float top = std::max(p.area.y, p.rows_top);
  const float bottom = std::min(p.area.bottom(), p.rows_top + p.row_height * static_cast<float>(p.row_count));
  if (bottom <= top) return;
  const ImDrawData* dd = ImGui::GetDrawData();
  scissor(cmd);
  glUseProgram(g.program);
  glBindVertexArray(g.vao);
  glUniform4f(g.rect, p.area.x, top, p.area.right(), bottom);
  glUniform2f(g.display_pos, dd->DisplayPos.x, dd->DisplayPos.y);
  glUniform2f(g.display_size, dd->DisplaySize.x, dd->DisplaySize.y);
  glUniform2f(g.plot_x, p.plot_x0, p.plot_x1);
  glUniform3f(g.rows, p.rows_top, p.row_height, static_cast<float>(p.row_count));
  glUniform1f(g.hovered, static_cast<float>(p.hovered_row));
  set_grid(g.grid, p);
  glUniform1f(g.now_x, p.now_x);
  uniform4(g.even, p.colors.even);
  uniform4(g.odd, p.colors.odd);
  uniform4(g.minor, p.colors.minor);
  uniform4(g.major, p.colors.major);
  uniform4(g.future, p.colors.future);
  uniform4(g.hover, p.colors.hover);
  glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
}

}  // namespace asyncrace::ui
