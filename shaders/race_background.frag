// Race diagram background, fragment stage (GLSL ES 3.00, #version prepended at load time).
// Alternating lane bands, the hovered lane, the time grid (minor lines, every n-th one major) and
// the not-yet-played part of the timeline, all from a handful of uniforms: the CPU never builds
// per-line geometry, however far the user zooms. Grid positions arrive in pixels relative to the
// first visible line, so float precision holds at microsecond zoom late in a run.
precision highp float;

in vec2 v_pos;
out vec4 frag_color;

uniform vec2 u_plot_x;      // left and right edge of the time plot (the grid lives only there)
uniform vec3 u_rows;        // first row's top, row height, row count
uniform float u_hovered;    // hovered row, or -1
uniform vec4 u_grid;        // first minor line x, minor spacing px, minors per major, index of the first line
uniform float u_now_x;      // playhead x: shade what has not been played yet (huge = none)
uniform vec4 u_even;
uniform vec4 u_odd;
uniform vec4 u_minor;
uniform vec4 u_major;
uniform vec4 u_future;
uniform vec4 u_hover;

// Coverage of a 1-pixel line at distance d (pixels), antialiased over one screen pixel.
float hairline(float d, float px) {
  return clamp(1.0 - d / max(px, 1e-3), 0.0, 1.0);
}

void main() {
  float row = floor((v_pos.y - u_rows.x) / u_rows.y);
  if (row < 0.0 || row >= u_rows.z) discard;
  vec4 color = mod(row, 2.0) < 0.5 ? u_even : u_odd;
  if (abs(row - u_hovered) < 0.5) color.rgb = mix(color.rgb, u_hover.rgb, u_hover.a);

  float px = fwidth(v_pos.x);
  if (v_pos.x >= u_plot_x.x && v_pos.x <= u_plot_x.y) {
    float k = (v_pos.x - u_grid.x) / u_grid.y;
    float nearest = floor(k + 0.5);
    float d = abs(k - nearest) * u_grid.y;
    bool major = mod(nearest + u_grid.w, u_grid.z) < 0.5;
    vec4 line = major ? u_major : u_minor;
    color.rgb = mix(color.rgb, line.rgb, line.a * hairline(d, px));
    if (v_pos.x > u_now_x) color.rgb = mix(color.rgb, u_future.rgb, u_future.a);
  }
  // A faint separator between rows.
  float row_y = v_pos.y - u_rows.x - row * u_rows.y;
  color.rgb = mix(color.rgb, vec3(0.0), 0.35 * hairline(row_y, fwidth(v_pos.y)));
  frag_color = color;
}
