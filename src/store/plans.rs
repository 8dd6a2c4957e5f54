//! Trajectories and the step plans they were started with.
//!
//! Like an observation, a trajectory is one record rewritten whole on every change (a tick, a
//! note, a field), together with its audit entry in one write, all or nothing.

use super::codec::{encode, pair_key};
use super::observations::same_version;
use super::writes::{Op, Table};
use super::{decode_all, decode_under, Made, Result, Signature, Store, StoreError};
use crate::domain::plan::{PlanTemplate, Trajectory};
use crate::domain::AuditAction;
use crate::domain::Id;

impl Store {
    /// A child's trajectories, oldest first.
    pub fn trajectories_of(&self, child_id: Id) -> Result<Vec<Trajectory>> {
        decode_under(&self.trees()?.trajectories, child_id)
    }

    /// Every trajectory of every child (for the care-team overview and the export).
    pub fn trajectories(&self) -> Result<Vec<Trajectory>> {
        decode_all(&self.trees()?.trajectories)
    }

    pub fn new_trajectory_id(&self) -> Result<Id> {
        self.next_id()
    }

    /// Writes a trajectory after one change, with its audit entry (`target` names the part that
    /// changed, e.g. a stage id) and the plan version when that is not stored yet. A child has
    /// at most one open trajectory per plan: a second one is refused.
    pub fn save_trajectory(
        &self,
        trajectory: &Trajectory,
        template: &PlanTemplate,
        action: AuditAction,
        part: &str,
        sig: &Signature,
    ) -> Result<()> {
        same_version(
            Made::Trajectory(trajectory.id),
            &trajectory.template,
            trajectory.version,
            template,
        )?;
        self.child_exists(trajectory.child_id)?;
        if trajectory.is_open() {
            let other_open = self
                .trajectories_of(trajectory.child_id)?
                .into_iter()
                .any(|t| t.id != trajectory.id && t.is_open() && t.template == trajectory.template);
            if other_open {
                return Err(StoreError::OpenTrajectoryExists {
                    child: trajectory.child_id,
                    template: trajectory.template.clone(),
                });
            }
        }
        let mut ops = vec![trajectory_op(trajectory)];
        ops.extend(self.template_if_new(Table::PlanTemplates, template)?);
        let target = match part {
            "" => format!("trajectory:{}", trajectory.id),
            part => format!("trajectory:{}/{part}", trajectory.id),
        };
        self.commit(ops, sig, action, target)
    }

    /// Every stored plan version, by id then version.
    pub fn plan_templates(&self) -> Result<Vec<PlanTemplate>> {
        decode_all(&self.trees()?.plan_templates)
    }
}

pub(super) fn trajectory_op(trajectory: &Trajectory) -> Op {
    Op::put(
        Table::Trajectories,
        &pair_key(trajectory.child_id, trajectory.id),
        encode(trajectory),
    )
}
