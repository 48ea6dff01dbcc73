// Race diagram background, vertex stage (GLSL ES 3.00; the #version line is prepended at load time:
// "#version 300 es" for WebGL2, "#version 330 core" on the desktop).
// One quad over the lane area, built from gl_VertexID (no vertex buffer); positions are ImGui's
// logical pixels, converted to clip space with the same orthographic mapping ImGui uses.
uniform vec4 u_rect;          // x0, y0, x1, y1 of the lane area
uniform vec2 u_display_pos;   // ImDrawData::DisplayPos
uniform vec2 u_display_size;  // ImDrawData::DisplaySize
out vec2 v_pos;

void main() {
  vec2 corner = vec2(float(gl_VertexID & 1), float(gl_VertexID >> 1));
  v_pos = mix(u_rect.xy, u_rect.zw, corner);
  vec2 ndc = (v_pos - u_display_pos) / u_display_size * 2.0 - 1.0;
  gl_Position = vec4(ndc.x, -ndc.y, 0.0, 1.0);
}
