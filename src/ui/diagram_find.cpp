#include "diagram_find.hpp"

#include <cstdio>

#include <imgui.h>

#include "theme.hpp"

namespace asyncrace::ui {

int draw_find_box(find_box& box, const run_digest& digest) {
  ImGui::SetNextItemWidth(150.0f);
  const bool enter = ImGui::InputTextWithHint("##find", "find task\xe2\x80\xa6", box.text, sizeof box.text,
                                              ImGuiInputTextFlags_EnterReturnsTrue);
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("A task's name (Task-42), its coroutine, or part of what it printed; Enter: next");
  if (ImGui::IsItemEdited()) {
    box.searched = false;
    box.row = -1;
  }
  int go_to = -1;
  if (enter && box.text[0] != '\0') {
    // Counting every match is one pass over the run, only when Enter is pressed.
    go_to = digest.find(box.text, box.row, &box.matches);
    box.row = go_to;
    box.searched = true;
    ImGui::SetKeyboardFocusHere(-1);  // stay in the box: Enter again finds the next
  }
  if (box.searched) {
    ImGui::SameLine();
    ImGui::PushStyleColor(ImGuiCol_Text, box.row >= 0 ? palette::text_dim : palette::error);
    if (box.row >= 0)
      ImGui::Text("%zu match%s", box.matches, box.matches == 1 ? "" : "es");
    else
      ImGui::TextUnformatted("no such task");
    ImGui::PopStyleColor();
  }
  return go_to;
}

}  // namespace asyncrace::ui
