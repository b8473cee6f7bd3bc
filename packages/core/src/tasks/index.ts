export { deleteTaskStatuses, readTaskStatus, readTaskStatuses, writeTaskStatus, type TaskStatus } from './task-status.js';
