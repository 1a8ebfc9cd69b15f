//! Text for the PNG charts: what plotters' ab_glyph text drawing puts on the pixels, with each
//! glyph rasterised once per thread instead of at every label.
//!
//! plotters outlines and rasterises every glyph of every string it draws, and a report's charts
//! draw the same few dozen glyphs, at a few sizes, tens of thousands of times. Its rasteriser
//! places each glyph at the origin and shifts the coverage by whole pixels, so a glyph's
//! coverage depends only on the font, the size and the character. That is the cache's key, and
//! the pixels come out the same: a test draws strings both ways and compares the buffers.

use ab_glyph::{Font, FontRef, ScaleFont};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::HPos;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::OnceLock;

/// A glyph's coverage at one size: the top of its pixel bounds and its covered pixels.
struct Raster {
    min_y: f32,
    /// (x, y, coverage) with coverage above zero; plotters skips the others when blending.
    pixels: Vec<(i32, i32, f32)>,
}

/// Rasters by (bold, size in pixels, character); `None` for a glyph without an outline.
type Cache = HashMap<(bool, u32, char), Option<Rc<Raster>>>;

thread_local! {
    static CACHE: RefCell<Cache> = RefCell::new(HashMap::new());
}

/// The regular and bold faces, parsed once.
fn faces() -> Option<&'static (FontRef<'static>, FontRef<'static>)> {
    static FACES: OnceLock<Option<(FontRef<'static>, FontRef<'static>)>> = OnceLock::new();
    FACES
        .get_or_init(|| {
            Some((
                FontRef::try_from_slice(crate::charts::REGULAR).ok()?,
                FontRef::try_from_slice(crate::charts::BOLD).ok()?,
            ))
        })
        .as_ref()
}

fn raster(font: &FontRef<'static>, bold: bool, size: f32, c: char) -> Option<Rc<Raster>> {
    CACHE.with(|cache| {
        cache
            .borrow_mut()
            .entry((bold, size.to_bits(), c))
            .or_insert_with(|| {
                let scaled = font.as_scaled(size);
                let outline = scaled.outline_glyph(scaled.scaled_glyph(c))?;
                let mut pixels = Vec::new();
                outline.draw(|x, y, v| {
                    if v > 0.0 {
                        pixels.push((x as i32, y as i32, v));
                    }
                });
                Some(Rc::new(Raster {
                    min_y: outline.px_bounds().min.y,
                    pixels,
                }))
            })
            .clone()
    })
}

/// Draws `text` at `size` pixels on a root area, anchored at `pos` horizontally by `h` and
/// vertically at its centre: the pixels `DrawingArea::draw_text` draws with the bundled fonts.
pub(crate) fn draw_text<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    text: &str,
    size: f64,
    color: RGBColor,
    h: HPos,
    bold: bool,
    pos: (i32, i32),
) -> Result<(), String> {
    let (regular, heavy) = faces().ok_or("the bundled font could not be loaded")?;
    let font = if bold { heavy } else { regular };
    let scaled = font.as_scaled(size as f32);
    // The layout box, as plotters estimates it.
    let mut width = 0f32;
    let mut prev = None;
    for c in text.chars() {
        let id = scaled.glyph_id(c);
        width += scaled.h_advance(id);
        if let Some(p) = prev {
            width += scaled.kern(p, id);
        }
        prev = Some(id);
    }
    let (width, height) = (width as i32, (size / 1.24) as i32);
    let dx = match h {
        HPos::Left => 0,
        HPos::Right => -width,
        HPos::Center => -width / 2,
    };
    let dy = -height / 2;
    let (w, hgt) = area.dim_in_pixel();
    let (r, g, b) = (color.0, color.1, color.2);
    let mut x_shift = 0f32;
    let mut prev = None;
    for c in text.chars() {
        if let Some(p) = prev {
            x_shift += scaled.kern(scaled.glyph_id(p), scaled.glyph_id(c));
        }
        prev = Some(c);
        if let Some(glyph) = raster(font, bold, size as f32, c) {
            let y_shift = (size as f32 / 2.0 + glyph.min_y) as i32;
            let x0 = pos.0 + x_shift as i32 + dx;
            let y0 = pos.1 + y_shift + dy;
            for &(x, y, v) in &glyph.pixels {
                let (x, y) = (x0 + x, y0 + y);
                if x >= 0 && x < w as i32 && y >= 0 && y < hgt as i32 {
                    area.draw_pixel((x, y), &RGBAColor(r, g, b, f64::from(v)))
                        .map_err(|e| e.to_string())?;
                }
            }
        }
        x_shift += scaled.h_advance(scaled.glyph_id(c));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use plotters::style::text_anchor::{Pos, VPos};

    /// Draws every string both ways, at the sizes and anchors the charts use, and compares the
    /// pixels.
    #[test]
    fn cached_glyphs_draw_the_pixels_plotters_draws() {
        crate::charts::register_fonts().expect("fonts");
        let strings = [
            "Keyness: terms The Capital Courier uses more",
            "AV To Wa “scare quotes” — Ağdam, Xankəndi, Грозный…",
            "z = 12.3, p < 0.001 (n = 1,234)",
            "",
        ];
        let (w, h) = (900u32, 120u32);
        for (i, s) in strings.iter().enumerate() {
            for (size, bold, anchor) in [
                (40.0, true, HPos::Left),
                (26.0, false, HPos::Right),
                (22.0, false, HPos::Center),
                (17.0, true, HPos::Center),
            ] {
                let at = (450, 40 + i as i32 % 2 * 30);
                let mut ours = vec![255u8; (w * h * 3) as usize];
                let mut theirs = ours.clone();
                {
                    let area = BitMapBackend::with_buffer(&mut ours, (w, h)).into_drawing_area();
                    draw_text(&area, s, size, RGBColor(33, 33, 33), anchor, bold, at).unwrap();
                    area.present().unwrap();
                }
                {
                    let area = BitMapBackend::with_buffer(&mut theirs, (w, h)).into_drawing_area();
                    let style = if bold {
                        FontStyle::Bold
                    } else {
                        FontStyle::Normal
                    };
                    let font = FontDesc::new(FontFamily::SansSerif, size, style)
                        .color(&RGBColor(33, 33, 33))
                        .pos(Pos::new(anchor, VPos::Center));
                    area.draw_text(s, &font, at).unwrap();
                    area.present().unwrap();
                }
                assert!(ours == theirs, "{s:?} at {size} px, bold {bold}");
                if !s.is_empty() {
                    assert!(ours.iter().any(|&b| b != 255), "{s:?} drew nothing");
                }
            }
        }
    }
}
