//! The views of the screens, one module per screen, named as its component in `app::screens`.

pub mod child;
pub mod children;
pub mod compare;
pub mod groups;
pub mod history;
pub mod observe;
pub mod plans;
pub mod staff;
pub mod trajectory;
pub mod users;
pub mod visit;
pub mod welcome;
