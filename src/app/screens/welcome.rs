//! The first start, on an empty database: load the demo data or start empty. Either way the app
//! then starts as it does on a database with data (`Outcome::Start`): the groups list and "who
//! are you?".

use crate::app::{Action, AppError, Component, Ctx, Msg, Outcome};
use crate::i18n::{Lang, T};
use crate::keymap::Context;

#[derive(Debug, Clone, Default)]
pub struct WelcomeScreen;

impl WelcomeScreen {
    fn act(&mut self, ctx: &Ctx, action: Action) -> Result<Outcome, AppError> {
        match action {
            Action::LoadDemo => {
                let data = crate::demo::generate(&Default::default(), ctx.now());
                ctx.store.import(&data)?;
                let loaded = ctx.lang.get(T::DemoLoaded).to_string();
                Ok(Outcome::Start.and(Outcome::Say(loaded)))
            }
            Action::StartEmpty => Ok(Outcome::Start),
            _ => Ok(Outcome::Ignored),
        }
    }
}

impl Component for WelcomeScreen {
    fn title(&self, lang: Lang) -> String {
        lang.get(T::WelcomeTitle).to_string()
    }

    fn screen_contexts(&self) -> Vec<Context> {
        vec![Context::Welcome, Context::Global]
    }

    fn hints(&self) -> &'static [Action] {
        use Action::*;
        &[LoadDemo, StartEmpty, Help, Quit]
    }

    fn update(&mut self, ctx: &Ctx, msg: &Msg) -> Outcome {
        match msg {
            Msg::Action(action) => self.act(ctx, *action).into(),
            _ => Outcome::Ignored,
        }
    }
}
