"""yente 5's request/response models, copied to check proscribe's yente-compatible routes.

Copied (only what the tests need) from:
- opensanctions/yente @ 916a474c078bb21c27ed1854f3476a854f1b8ab5 (version 5.5.0, 2026-08-11):
  yente/data/common.py (ErrorResponse ... AlgorithmResponse), yente/data/dataset.py
  (YenteDatasetModel), yente/data/freebase.py (the reconciliation models);
- opensanctions/nomenklatura @ 502208c22543a0ca8f394a2509c8be55738dbb38 (4.13.0; yente 5.5.0 pins
  4.10.0, whose nomenklatura/matching/types.py models are the same): FeatureDoc, ConfigVar,
  AlgorithmDocs, FeatureResult;
- opensanctions/followthemoney @ 04d68923976d776b5624897adc1c9b27820f1a23
  (followthemoney/dataset/dataset.py, util.py): DatasetModel, dataset_name_check.
- FastAPI's HTTPValidationError (fastapi/openapi/utils.py), yente's 422 answer.

yente, nomenklatura and followthemoney are MIT-licensed, Copyright (c) OpenSanctions Datenbanken
GmbH and contributors; the licence asks that this notice be kept with copies of the code.

Changes: type hints modernised; ``from_entity``-style constructors dropped (they need FtM);
DatasetModel's ``publisher``/``coverage``/``resources`` are kept as plain dicts (their own models
add nothing the tests check); ``dataset_name_check`` uses a regular expression for normality's
``slugify_text(value, sep="_") == value`` (lower-case letters, digits and single underscores).
"""

from __future__ import annotations

import re
from datetime import datetime
from enum import StrEnum
from typing import Any, Union

from pydantic import AnyHttpUrl, BaseModel, Field, RootModel, computed_field, field_validator

# -- nomenklatura/matching/types.py ----------------------------------------------------------------


class FeatureDoc(BaseModel):
    description: str | None
    coefficient: float
    url: str


FeatureDocs = dict[str, FeatureDoc]


class ConfigVarType(StrEnum):
    STRING = "string"
    INTEGER = "integer"
    FLOAT = "float"
    BOOLEAN = "boolean"


class ConfigVar(BaseModel):
    type: ConfigVarType = ConfigVarType.FLOAT
    description: str | None = None
    default: str | int | float | bool | None = 0


class AlgorithmDocs(BaseModel):
    name: str
    description: str | None = None
    config: dict[str, ConfigVar]
    features: FeatureDocs


class FeatureResult(BaseModel):
    detail: str | None
    score: float
    query: str | None = None
    candidate: str | None = None


# -- followthemoney/dataset -------------------------------------------------------------------------

SLUG = re.compile(r"^[a-z0-9]+(_[a-z0-9]+)*$")


def dataset_name_check(value: str) -> str:
    if not SLUG.match(value):
        raise ValueError("Invalid {}: {!r}".format("dataset name", value))
    return value


class DatasetModel(BaseModel):
    name: str
    title: str
    license: str | None = None
    summary: str | None = None
    description: str | None = None
    url: str | None = None
    updated_at: datetime | None = None
    last_export: datetime | None = None
    entity_count: int | None = None
    thing_count: int | None = None
    version: str | None = None
    category: str | None = None
    tags: list[str] = []
    publisher: dict[str, Any] | None = None
    coverage: dict[str, Any] | None = None
    resources: list[dict[str, Any]] = []
    children: set[str] = set()
    deprecation: str | None = None
    deprecated: bool = False

    @field_validator("name", mode="after")
    @classmethod
    def check_name(cls, value: str) -> str:
        return dataset_name_check(value)


# -- yente/data/dataset.py --------------------------------------------------------------------------


class YenteDatasetModel(DatasetModel):
    load: bool | None = None
    entities_url: str | None = None
    delta_url: str | None = None
    namespace: bool = False
    index_version: str | None = None

    @computed_field  # type: ignore[prop-decorator]
    @property
    def index_current(self) -> bool:
        return self.index_version == self.version


# -- yente/data/common.py ---------------------------------------------------------------------------

EntityProperties = dict[str, list[Union[str, "EntityResponse"]]]


class ErrorResponse(BaseModel):
    detail: str = Field(..., examples=["Detailed error message"])


class EntityResponse(BaseModel):
    id: str
    caption: str
    schema_: str = Field(..., alias="schema")
    properties: EntityProperties
    datasets: list[str] = Field([])
    referents: list[str] = Field([])
    target: bool = Field(False)
    first_seen: datetime | None = Field(None)
    last_seen: datetime | None = Field(None)
    last_change: datetime | None = Field(None)


EntityResponse.model_rebuild()


class ScoredEntityResponse(EntityResponse):
    score: float = 0.99
    explanations: dict[str, FeatureResult]
    match: bool


class StatusResponse(BaseModel):
    status: str = "ok"


class SearchFacetItem(BaseModel):
    name: str
    label: str
    count: int = Field(1)


class SearchFacet(BaseModel):
    label: str
    values: list[SearchFacetItem]


class TotalSpec(BaseModel):
    value: int
    relation: str = Field("eq")


class ResultsResponse(BaseModel):
    limit: int
    offset: int = Field(0)
    total: TotalSpec


class SearchResponse(ResultsResponse):
    results: list[EntityResponse]
    facets: dict[str, SearchFacet]


class EntityExample(BaseModel):
    id: str | None = Field(None)
    schema_: str = Field(..., alias="schema")
    properties: dict[str, str | list[Any]]


class EntityMatchQuery(BaseModel):
    weights: dict[str, float] = Field({})
    config: dict[str, str | int | float | bool | None] = Field(default_factory=dict)
    queries: dict[str, EntityExample]


class EntityMatches(BaseModel):
    status: int = Field(200)
    results: list[ScoredEntityResponse]
    total: TotalSpec
    query: EntityExample


class EntityMatchResponse(BaseModel):
    responses: dict[str, EntityMatches]
    limit: int


class DataCatalogModel(BaseModel):
    datasets: list[YenteDatasetModel]
    current: list[str]
    outdated: list[str]
    index_stale: bool = False


class Algorithm(BaseModel):
    name: str
    description: str | None = None
    features: FeatureDocs
    docs: AlgorithmDocs


class AlgorithmResponse(BaseModel):
    algorithms: list[Algorithm]
    default: str
    best: str


# -- yente/data/freebase.py -------------------------------------------------------------------------


class FreebaseType(BaseModel):
    id: str
    name: str
    description: str | None = None


class FreebaseProperty(BaseModel):
    id: str
    name: str
    description: str | None = None


class FreebaseEntity(BaseModel):
    id: str
    name: str
    description: str | None = None
    type: list[FreebaseType]


class FreebaseScoredEntity(FreebaseEntity):
    score: float | None
    match: bool | None


class FreebaseResponse(BaseModel):
    code: str = "/api/status/ok"
    status: str = "200 OK"


class FreebaseSuggestResponse(FreebaseResponse):
    prefix: str


class FreebaseTypeSuggestResponse(FreebaseSuggestResponse):
    result: list[FreebaseType]


class FreebaseEntitySuggestResponse(FreebaseSuggestResponse):
    result: list[FreebaseEntity]


class FreebasePropertySuggestResponse(FreebaseSuggestResponse):
    result: list[FreebaseProperty]


class FreebaseExtendProperty(BaseModel):
    id: str
    name: str


class FreebaseExtendPropertiesResponse(BaseModel):
    limit: int
    type: str
    properties: list[FreebaseExtendProperty]


class FreebaseExtendResponseMeta(BaseModel):
    id: str
    name: str


class FreebaseExtendResponseValue(BaseModel):
    str: str


class FreebaseExtendResponse(BaseModel):
    meta: list[FreebaseExtendResponseMeta]
    rows: dict[str, dict[str, list[FreebaseExtendResponseValue]]]


class FreebaseManifestView(BaseModel):
    url: str


class FreebaseManifestPreview(BaseModel):
    url: str
    width: int
    height: int


class FreebaseManifestSuggestType(BaseModel):
    service_url: AnyHttpUrl
    service_path: str


class FreebaseManifestSuggest(BaseModel):
    entity: FreebaseManifestSuggestType
    type: FreebaseManifestSuggestType
    property: FreebaseManifestSuggestType


class FreebaseManifestExtendProposeProperties(BaseModel):
    service_url: AnyHttpUrl
    service_path: str


class FreebaseManifestExtendPropertySettingChoice(BaseModel):
    id: str
    name: str


class FreebaseManifestExtendPropertySetting(BaseModel):
    name: str
    label: str
    type: str
    default: Any
    help_text: str
    choices: list[FreebaseManifestExtendPropertySettingChoice] = []


class FreebaseManifestExtend(BaseModel):
    propose_properties: FreebaseManifestExtendProposeProperties
    propose_settings: list[FreebaseManifestExtendPropertySetting]


class FreebaseManifest(BaseModel):
    versions: list[str]
    name: str
    identifierSpace: AnyHttpUrl
    schemaSpace: AnyHttpUrl
    documentation: AnyHttpUrl
    batchSize: int
    view: FreebaseManifestView
    preview: FreebaseManifestPreview
    suggest: FreebaseManifestSuggest
    extend: FreebaseManifestExtend
    defaultTypes: list[FreebaseType]


class FreebaseEntityResult(BaseModel):
    result: list[FreebaseScoredEntity]


FreebaseEntityResults = RootModel[dict[str, FreebaseEntityResult]]


# -- FastAPI's 422 answer ---------------------------------------------------------------------------


class ValidationError(BaseModel):
    loc: list[str | int]
    msg: str
    type: str


class HTTPValidationError(BaseModel):
    detail: list[ValidationError]
