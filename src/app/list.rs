//! A selectable, filterable list: the one component behind the groups list, the children list and
//! the "who are you" picker, so that moving, paging and filtering behave the same everywhere.

use super::fields::pasted;
use super::{Action, Msg};
use crate::search;

/// What the list needs to know of a row: a stable id to keep the selection across reloads, the text
/// the filter searches, and whether the row stays visible whatever the filter (an "add new" row).
pub trait Row {
    fn id(&self) -> u64;
    fn search_text(&self) -> String;
    fn pinned(&self) -> bool {
        false
    }
    /// The section the row is shown under, if the list has sections: a filtered list keeps a
    /// section's rows together (sections in the order of their best match), so its heading is
    /// shown once and the best match stays first.
    fn section(&self) -> Option<&str> {
        None
    }
}

/// Rows a page up or down moves; screens are at least this tall.
const PAGE: usize = 10;

#[derive(Debug, Clone)]
pub struct ListView<T> {
    items: Vec<T>,
    /// The items' search texts prepared for matching, made at the first filtered keystroke
    /// after the items were set (empty until then), so typing does not fold every row again.
    prepared: Vec<search::Prepared>,
    /// Indices into `items` that pass the filter, best match first.
    visible: Vec<usize>,
    /// Position in `visible`.
    selected: usize,
    pub filter: String,
    /// True while the filter takes typed text.
    pub filtering: bool,
}

impl<T> Default for ListView<T> {
    fn default() -> Self {
        ListView {
            items: Vec::new(),
            prepared: Vec::new(),
            visible: Vec::new(),
            selected: 0,
            filter: String::new(),
            filtering: false,
        }
    }
}

impl<T: Row> ListView<T> {
    /// A list of `items`, the first selected, no filter.
    pub fn of(items: Vec<T>) -> ListView<T> {
        let mut list = ListView::default();
        list.set_items(items);
        list
    }

    /// Replaces the items (after a reload), keeping the selection on the same record when it is
    /// still there.
    pub fn set_items(&mut self, items: Vec<T>) {
        let selected_id = self.selected().map(Row::id);
        let old_position = self.selected;
        self.items = items;
        self.prepared.clear();
        self.refilter();
        let found = selected_id.and_then(|wanted| self.position_of(wanted));
        // A record that went away (archived) leaves the selection where it was, on its neighbour.
        self.move_to(found.unwrap_or(old_position));
    }

    /// Re-ranks after the filter text changed; the best match becomes the selection.
    pub fn refilter(&mut self) {
        self.visible = match self.filter.trim().is_empty() {
            true => (0..self.items.len()).collect(),
            false => {
                if self.prepared.len() != self.items.len() {
                    let texts = self.items.iter().map(Row::search_text);
                    self.prepared = texts.map(|text| search::Prepared::new(&text)).collect();
                }
                search::rank_prepared(&self.prepared, &self.filter)
            }
        };
        let items = &self.items;
        let mut sections: Vec<&str> = Vec::new();
        for section in self.visible.iter().filter_map(|&i| items[i].section()) {
            if !sections.contains(&section) {
                sections.push(section);
            }
        }
        // A stable sort: within a section the rows keep their rank.
        self.visible.sort_by_key(|&i| {
            items[i]
                .section()
                .and_then(|s| sections.iter().position(|&known| known == s))
        });
        let pinned = (0..self.items.len()).filter(|&i| self.items[i].pinned());
        let missing: Vec<usize> = pinned.filter(|i| !self.visible.contains(i)).collect();
        self.visible.extend(missing);
        self.selected = 0;
    }

    pub fn push_filter(&mut self, c: char) {
        self.filter.push(c);
        self.refilter();
    }

    pub fn pop_filter(&mut self) {
        self.filter.pop();
        self.refilter();
    }

    /// Stops filtering and shows every row again, the selection staying on the row it was on.
    pub fn clear_filter(&mut self) {
        self.filtering = false;
        let selected = self.selected().map(Row::id);
        self.clear_filter_keep_typing();
        if let Some(id) = selected {
            self.select_id(id);
        }
    }

    /// Selects the row with this id, if it is shown.
    pub fn select_id(&mut self, id: u64) {
        if let Some(position) = self.position_of(id) {
            self.move_to(position);
        }
    }

    /// Where the row with this id is among the visible ones.
    fn position_of(&self, id: u64) -> Option<usize> {
        self.visible.iter().position(|&i| self.items[i].id() == id)
    }

    /// Empties the filter but keeps taking text (the picker, which always filters).
    pub fn clear_filter_keep_typing(&mut self) {
        self.filter.clear();
        self.refilter();
    }
}

impl<T: Row> ListView<T> {
    /// Moves on `up`, `down`, paging, `top` and `bottom`; false for any other action.
    pub fn move_keys(&mut self, action: Action) -> bool {
        match action {
            Action::Up => self.up(),
            Action::Down => self.down(),
            Action::PageUp => self.page_up(),
            Action::PageDown => self.page_down(),
            Action::Top => self.top(),
            Action::Bottom => self.bottom(),
            _ => return false,
        }
        true
    }

    /// The filter's own keys: `/` starts typing, Enter keeps the filter and the best match, Esc
    /// clears it. False for anything else.
    pub fn filter_keys(&mut self, action: Action) -> bool {
        match action {
            Action::Filter => self.filtering = true,
            Action::Submit if self.filtering => self.filtering = false,
            Action::Back if self.filtering || !self.filter.is_empty() => self.clear_filter(),
            _ => return false,
        }
        true
    }
}

/// What every list screen shares, whatever its rows: typed text for its filter, and the keys
/// that move and filter. The app reaches the shown screen's list through this.
/// Hands a message to a list: moving, its filter's own keys, and typed text, Backspace and pastes
/// while it filters. True when the list took it.
pub fn input(list: &mut dyn ListInput, msg: &Msg) -> bool {
    match msg {
        Msg::Action(action) => list.list_keys(*action),
        Msg::Type(c) if list.filtering() => {
            list.push_filter(*c);
            true
        }
        Msg::Erase if list.filtering() => {
            list.pop_filter();
            true
        }
        Msg::Paste(text) if list.filtering() => {
            pasted(text, false)
                .chars()
                .for_each(|c| list.push_filter(c));
            true
        }
        _ => false,
    }
}

/// A list with a filter: what [`input`] and the app need of it, whatever its rows.
pub trait ListInput {
    fn filtering(&self) -> bool;
    fn push_filter(&mut self, c: char);
    fn pop_filter(&mut self);
    /// Moving and filtering; false when `action` is neither.
    fn list_keys(&mut self, action: Action) -> bool;
    fn clear_filter(&mut self);
}

impl<T: Row> ListInput for ListView<T> {
    fn filtering(&self) -> bool {
        self.filtering
    }
    fn push_filter(&mut self, c: char) {
        ListView::push_filter(self, c)
    }
    fn pop_filter(&mut self) {
        ListView::pop_filter(self)
    }
    fn list_keys(&mut self, action: Action) -> bool {
        self.filter_keys(action) || self.move_keys(action)
    }
    fn clear_filter(&mut self) {
        ListView::clear_filter(self)
    }
}

impl<T> ListView<T> {
    /// Every row, filtered out or not, in the order they were set.
    pub fn items(&self) -> impl Iterator<Item = &T> {
        self.items.iter()
    }

    pub fn visible(&self) -> impl Iterator<Item = &T> {
        self.visible.iter().map(|&i| &self.items[i])
    }

    /// At most `count` visible rows from position `first` on: what a screen shows of a long
    /// list, without touching the rows out of view.
    pub fn visible_window(&self, first: usize, count: usize) -> impl Iterator<Item = &T> {
        let first = first.min(self.visible.len());
        let end = first.saturating_add(count).min(self.visible.len());
        self.visible[first..end].iter().map(|&i| &self.items[i])
    }

    pub fn visible_len(&self) -> usize {
        self.visible.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub fn selected_index(&self) -> usize {
        self.selected
    }

    pub fn selected(&self) -> Option<&T> {
        self.visible.get(self.selected).map(|&i| &self.items[i])
    }

    pub fn up(&mut self) {
        self.selected = self.selected.saturating_sub(1);
    }

    pub fn down(&mut self) {
        self.move_to(self.selected + 1);
    }

    pub fn page_up(&mut self) {
        self.selected = self.selected.saturating_sub(PAGE);
    }

    pub fn page_down(&mut self) {
        self.move_to(self.selected + PAGE);
    }

    pub fn top(&mut self) {
        self.selected = 0;
    }

    pub fn bottom(&mut self) {
        self.move_to(usize::MAX);
    }

    fn move_to(&mut self, pos: usize) {
        self.selected = pos.min(self.visible.len().saturating_sub(1));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    impl Row for (u64, String) {
        fn id(&self) -> u64 {
            self.0
        }
        fn search_text(&self) -> String {
            self.1.clone()
        }
        fn pinned(&self) -> bool {
            self.1.starts_with('+')
        }
    }

    fn list(names: &[&str]) -> ListView<(u64, String)> {
        let mut view = ListView::default();
        let items = names
            .iter()
            .enumerate()
            .map(|(i, n)| (i as u64, n.to_string()))
            .collect();
        view.set_items(items);
        view
    }

    #[test]
    fn moves_within_bounds() {
        let mut view = list(&["a", "b", "c"]);
        view.up();
        assert_eq!(view.selected_index(), 0);
        view.bottom();
        view.down();
        assert_eq!(view.selected().unwrap().1, "c");
        view.page_up();
        assert_eq!(view.selected_index(), 0);
    }

    #[test]
    fn filter_selects_best_match_and_clearing_restores_all() {
        let mut view = list(&["De Vlinders", "De Uilen", "De Egeltjes"]);
        for c in "uil".chars() {
            view.push_filter(c);
        }
        assert_eq!(view.visible_len(), 1);
        assert_eq!(view.selected().unwrap().1, "De Uilen");
        view.clear_filter();
        assert_eq!(view.visible_len(), 3);
        assert_eq!(
            view.selected().unwrap().1,
            "De Uilen",
            "the found row stays selected"
        );
    }

    #[test]
    fn reload_keeps_selection_on_same_record() {
        let mut view = list(&["a", "b", "c"]);
        view.down();
        view.down();
        let items = vec![
            (9, "new".to_string()),
            (0, "a".into()),
            (1, "b".into()),
            (2, "c".into()),
        ];
        view.set_items(items);
        assert_eq!(view.selected().unwrap().1, "c");
    }

    #[test]
    fn a_record_that_went_away_leaves_the_selection_on_its_neighbour() {
        let mut view = list(&["a", "b", "c"]);
        view.down();
        view.set_items(vec![(0, "a".to_string()), (2, "c".to_string())]);
        assert_eq!(view.selected().unwrap().1, "c");
        view.set_items(vec![(0, "a".to_string())]);
        assert_eq!(view.selected().unwrap().1, "a", "clamped to the last row");
    }

    #[test]
    fn pinned_rows_survive_any_filter() {
        let mut view = list(&["Fatima", "+ new"]);
        for c in "zzz".chars() {
            view.push_filter(c);
        }
        assert_eq!(view.visible_len(), 1);
        assert_eq!(view.selected().unwrap().1, "+ new");
    }

    #[test]
    fn empty_list_has_no_selection() {
        let mut view = list(&[]);
        view.down();
        view.bottom();
        assert!(view.selected().is_none());
        assert!(view.is_empty());
    }
}
