//! The alias under which a child is shown to someone who may not see it by name (a coach without
//! the parents' `coach` consent, `access::sees_child_name`): "Kind 3 · 2 jr 4 mnd". Anonymous
//! consultation is allowed practice; the alias lets the coach and the staff talk about the same
//! child without naming it.

use super::{Child, Id};

/// The number in a child's alias: its place (from 1) among every child ever put in its group,
/// archived ones included, in id order.
///
/// Why this rule: ids are handed out in creation order and never reused, so a child keeps its
/// number while children join (they come after it) or leave (archived children still count);
/// the number is the same on every screen and every visit, so "Kind 3" of the last visit is
/// "Kind 3" today. Only moving a child to another group or purging an archived one renumbers,
/// which happens between visits, not during one. The number is small enough to say aloud and,
/// unlike the id, says nothing outside the group.
///
/// `group` is the children of the child's group (in any order); a child not among them (moved
/// meanwhile) counts as one past the last.
pub fn alias_number(child: &Child, group: &[Child]) -> usize {
    let mut ids: Vec<Id> = group
        .iter()
        .filter(|c| c.group_id == child.group_id)
        .map(|c| c.id)
        .collect();
    ids.sort_unstable();
    ids.dedup();
    let before = ids.iter().filter(|id| **id < child.id).count();
    match ids.contains(&child.id) {
        true => before + 1,
        false => ids.len() + 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn child(id: Id, group_id: Id, archived: bool) -> Child {
        let born = chrono::NaiveDate::from_ymd_opt(2024, 1, 1).unwrap();
        Child {
            archived,
            ..Child::new(id, group_id, format!("Kind{id}"), "Test", born)
        }
    }

    #[test]
    fn the_number_is_the_place_in_id_order_and_survives_joining_and_leaving() {
        let mut group = vec![
            child(40, 1, false),
            child(12, 1, false),
            child(25, 1, false),
        ];
        assert_eq!(alias_number(&group[2], &group), 2);
        // A child joins (a higher id) and one leaves (archived): "Kind 2" stays "Kind 2".
        group.push(child(51, 1, false));
        group[1].archived = true;
        assert_eq!(alias_number(&group[2], &group), 2);
        assert_eq!(alias_number(&group[3], &group), 4);
        // Children of another group do not count.
        group.push(child(3, 2, false));
        assert_eq!(alias_number(&group[2], &group), 2);
    }

    #[test]
    fn a_child_missing_from_the_group_comes_after_the_last() {
        let group = vec![child(1, 1, false), child(2, 1, false)];
        assert_eq!(alias_number(&child(9, 1, false), &group), 3);
    }
}
