//! A success metric, written in a metrics file (`content/metrics/<group>.yaml`); its page at `metrics/<id>/`.

use super::*;
use crate::model::Metric;

pub(super) const ROW: KindInfo = KindInfo {
    kind: Kind::Metric,
    name: "metric",
    plural_title: "Metrics",
    file: None,
    url: Url::Folder("metrics/"),
    entities: entities::<Metric>(),
};

impl Entity for Metric {
    const KIND: Kind = Kind::Metric;
    fn all(pb: &Playbook) -> &IdxVec<Self> {
        &pb.metrics
    }
    fn id(&self) -> &str {
        &self.id
    }
    fn title(&self) -> &str {
        &self.name
    }
    fn file(&self) -> Idx<SourceFile> {
        self.file
    }
}
