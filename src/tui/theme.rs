//! Every style the app draws with, in one place. With `NO_COLOR` set, colour
//! is dropped and meaning is carried by bold, underline and reverse alone.

use ratatui::style::{Color, Modifier, Style};

use crate::score::Dimension;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub color: bool,
}

impl Theme {
    /// Colour unless `NO_COLOR` is set to anything non-empty (no-color.org).
    pub fn from_env() -> Theme {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Theme { color: !no_color }
    }

    fn fg(self, color: Color) -> Style {
        if self.color {
            Style::new().fg(color)
        } else {
            Style::new()
        }
    }

    pub fn title(self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }
    pub fn heading(self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }
    pub fn dim(self) -> Style {
        if self.color {
            Style::new().fg(Color::DarkGray)
        } else {
            Style::new()
        }
    }
    pub fn key(self) -> Style {
        self.fg(Color::Yellow).add_modifier(Modifier::BOLD)
    }
    pub fn selected(self) -> Style {
        if self.color {
            Style::new()
                .bg(Color::Blue)
                .fg(Color::White)
                .add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::REVERSED)
        }
    }
    pub fn good(self) -> Style {
        self.fg(Color::Green)
    }
    pub fn warn(self) -> Style {
        self.fg(Color::Yellow)
    }
    pub fn bad(self) -> Style {
        self.fg(Color::Red).add_modifier(Modifier::BOLD)
    }
    pub fn error(self) -> Style {
        if self.color {
            Style::new()
                .fg(Color::White)
                .bg(Color::Red)
                .add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
        }
    }
    pub fn info(self) -> Style {
        self.fg(Color::Green).add_modifier(Modifier::BOLD)
    }
    pub fn emphasis(self) -> Style {
        self.fg(Color::Yellow).add_modifier(Modifier::BOLD)
    }
    pub fn border(self) -> Style {
        self.dim()
    }
    pub fn focused_border(self) -> Style {
        self.fg(Color::Cyan)
    }

    /// A score out of 5, coloured by how good it is.
    pub fn score(self, score: u8) -> Style {
        match score {
            5 => self.good(),
            3 | 4 => self.warn(),
            _ => self.bad(),
        }
    }

    /// A total out of 100.
    pub fn total(self, total: u8) -> Style {
        match total {
            70.. => self.good(),
            40..=69 => self.warn(),
            _ => self.bad(),
        }
    }

    /// The colour of a dimension's evidence in the story text; without
    /// colour, evidence is underlined.
    pub fn evidence(self, dimension: Dimension) -> Style {
        if !self.color {
            return Style::new().add_modifier(Modifier::UNDERLINED);
        }
        let color = match dimension {
            Dimension::BlastRadius => Color::LightRed,
            Dimension::Role => Color::LightCyan,
            Dimension::Decision => Color::LightMagenta,
            Dimension::Fix => Color::LightBlue,
            Dimension::SystemicChange => Color::LightGreen,
            Dimension::Numbers => Color::LightYellow,
        };
        Style::new().fg(color).add_modifier(Modifier::UNDERLINED)
    }

    /// A warning (hedge, vague, we, passive) in the story text.
    pub fn flagged(self) -> Style {
        if self.color {
            Style::new()
                .fg(Color::Red)
                .add_modifier(Modifier::CROSSED_OUT)
        } else {
            Style::new().add_modifier(Modifier::CROSSED_OUT)
        }
    }
}
