-- The endpoint each model call went to. Failure messages name it, so an exact replay names the
-- same endpoint to reproduce a report in which a lens failed.
alter table model_calls add column endpoint text;
