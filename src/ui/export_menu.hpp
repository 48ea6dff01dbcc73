// The race diagram header's "Export" button and its menu: the shown run as a trace for Perfetto,
// its transcript, its diagram as SVG (exports.hpp), handed to the browser as downloads.
#pragma once

#include <string>

#include "exports.hpp"
#include "layout.hpp"

namespace asyncrace::ui {

class app_state;

class export_menu {
 public:
  // Draws the button (disabled, with the reason as a tooltip, until there is a run to export).
  void draw(app_state& app);
  // Hands the shown run's file to the user (what a menu item does); false when there is nothing
  // to export yet (export_problem() says why).
  bool download(const app_state& app, export_kind kind);

  // Where the button and the open menu's items were last frame (automation clicks them).
  const rect& button() const { return button_; }
  const rect& item(export_kind k) const { return items_[static_cast<int>(k)]; }

 private:
  rect button_;
  rect items_[3];
  std::string note_;  // natively: where the last file went
};

}  // namespace asyncrace::ui
