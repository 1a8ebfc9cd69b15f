//! Actor-directed loaded language: per actor, the loaded-language hits in the sentences that
//! name it.
//!
//! A sentence is "about" every actor it names ("Moscow blamed Baku" is about both), so one
//! loaded word can count for several actors; the denominator is the tokens of those sentences,
//! which makes actors that are named in long or short sentences comparable.

use super::matcher::Hit;
use slant_corpus::segment::Segmented;

/// One actor's sentences in one document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ActorCell {
    /// Category index of the actor in the actors lexicon.
    pub actor: u16,
    /// Sentences that name the actor.
    pub sentences: u32,
    /// Tokens of those sentences.
    pub tokens: u32,
    /// Indices (into the document's hits) of loaded hits in those sentences.
    pub loaded: Vec<u32>,
}

/// Actor cells of one document, by actor index. `loaded` and `actors` are the lexicon indices
/// of the loaded-language lexicon and the actor gazetteer.
///
/// ```
/// use slant_metrics::lexicon::{actors::actor_cells, formats::parse_plain, matcher::Matcher};
/// let loaded = parse_plain("regime\n", "loaded.txt").0;
/// let actors = parse_plain("Moscow\n", "russia.txt").0;
/// let text = "The Moscow regime spoke. Nothing else. Moscow again.";
/// let seg = slant_corpus::segment::segment(text);
/// let hits = Matcher::new(&[loaded, actors]).0.find(text, &seg);
/// let cells = actor_cells(&hits, &seg, 0, 1);
/// assert_eq!((cells[0].sentences, cells[0].tokens, cells[0].loaded.len()), (2, 6, 1));
/// ```
pub fn actor_cells(hits: &[Hit], seg: &Segmented, loaded: u16, actors: u16) -> Vec<ActorCell> {
    let n = seg.sentences.len();
    let mut sentence_tokens = vec![0u32; n];
    for t in &seg.tokens {
        if let Some(x) = sentence_tokens.get_mut(t.sentence as usize) {
            *x += 1;
        }
    }
    // Actors named in each sentence, deduplicated.
    let mut named: Vec<Vec<u16>> = vec![Vec::new(); n];
    for h in hits.iter().filter(|h| h.lexicon == actors) {
        if let Some(v) = named.get_mut(h.sentence as usize) {
            if !v.contains(&h.category) {
                v.push(h.category);
            }
        }
    }
    let mut cells: Vec<ActorCell> = Vec::new();
    let cell = |cells: &mut Vec<ActorCell>, a: u16| -> usize {
        match cells.iter().position(|c| c.actor == a) {
            Some(i) => i,
            None => {
                cells.push(ActorCell {
                    actor: a,
                    ..ActorCell::default()
                });
                cells.len() - 1
            }
        }
    };
    for (s, actors_here) in named.iter().enumerate() {
        for &a in actors_here {
            let i = cell(&mut cells, a);
            cells[i].sentences += 1;
            cells[i].tokens += sentence_tokens[s];
        }
    }
    for (hi, h) in hits.iter().enumerate() {
        if h.lexicon != loaded {
            continue;
        }
        if let Some(actors_here) = named.get(h.sentence as usize) {
            for &a in actors_here {
                let i = cell(&mut cells, a);
                cells[i].loaded.push(u32::try_from(hi).unwrap_or(u32::MAX));
            }
        }
    }
    cells.sort_by_key(|c| c.actor);
    cells
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::{formats::parse_plain, matcher::Matcher};

    /// An actor gets the sentences that name it, once each however often named, their tokens,
    /// and the loaded hits in them; hits of other lexicons, and sentences that name no actor,
    /// count for nothing.
    #[test]
    fn an_actor_gets_the_sentences_that_name_it() {
        let loaded = parse_plain("regime\nthugs\n", "loaded.txt").0;
        let hedges = parse_plain("perhaps\n", "hedges.txt").0;
        let actors = parse_plain("Moscow\nKremlin\nBaku\n", "actors.txt").0;
        let text = "The Moscow regime blamed Baku thugs. \
                    Perhaps the Kremlin regime in Moscow spoke. \
                    The regime was quiet. \
                    Baku answered.";
        let seg = slant_corpus::segment::segment(text);
        let (matcher, _) = Matcher::new(&[loaded, hedges, actors]);
        let hits = matcher.find(text, &seg);
        let loaded_hits: Vec<u32> = hits
            .iter()
            .enumerate()
            .filter(|(_, h)| h.lexicon == 0)
            .map(|(i, _)| i as u32)
            .collect();
        assert_eq!(loaded_hits.len(), 4, "{hits:?}");
        // Sentences 1 (6 tokens), 2 (7, naming it twice) and 4 (2), with the loaded hits of
        // the first two; not sentence 3's "regime", nor "Perhaps".
        let want = ActorCell {
            actor: 0,
            sentences: 3,
            tokens: 15,
            loaded: loaded_hits[..3].to_vec(),
        };
        assert_eq!(actor_cells(&hits, &seg, 0, 2), vec![want]);
        // With the hedges read as the loaded lexicon, the one hedge counts instead.
        let hedge = hits.iter().position(|h| h.lexicon == 1).unwrap() as u32;
        assert_eq!(actor_cells(&hits, &seg, 1, 2)[0].loaded, vec![hedge]);
        // No actor lexicon, no cells.
        assert_eq!(actor_cells(&hits, &seg, 0, 3), vec![]);
    }
}
